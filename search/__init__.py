"""Search over the graph: hybrid passage retrieval (dense + full text, fused), snippets, vocabulary."""
