// Records the embedding model (and backends) behind the graph's passage vectors.
MERGE (m:EmbeddingModel {key: 'passages'})
ON CREATE SET m.name = $name, m.dimensions = $dimensions, m.backends = [$backend]
SET m.backends = CASE WHEN $backend IN m.backends THEN m.backends ELSE m.backends + $backend END
