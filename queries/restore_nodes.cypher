// Recreates a batch of dumped nodes with their labels and properties, marked with their dump id
// until the relationships are back; embeddings are set as float32 vectors for the vector index.
UNWIND $rows AS row
CREATE (n:$(row.labels + ['DumpNode']))
SET n = row.props, n._dump_id = row.id
WITH n, row
WHERE row.embedding IS NOT NULL
CALL db.create.setNodeVectorProperty(n, 'embedding', row.embedding)
