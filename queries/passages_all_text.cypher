// Every passage's id, document and text (for the BM25 baseline of the retrieval evaluation).
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)
RETURN p.id AS passage_id, d.id AS document_id, p.text AS text
