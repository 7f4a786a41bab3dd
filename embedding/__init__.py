"""Passage and question embeddings (all-MiniLM-L6-v2, torch or an int8 ONNX export), shared by
ingestion and search so that query-time code never imports the ingestion package."""
