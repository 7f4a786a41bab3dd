// Which embedding model produced the vectors in the graph (one per graph).
MATCH (m:EmbeddingModel {key: 'passages'})
RETURN m.name AS name, m.dimensions AS dimensions, m.backends AS backends
