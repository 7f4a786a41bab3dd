// The seven enablers of improvement, each with the number of passages and documents linked to it.
MATCH (e:Enabler)
OPTIONAL CALL (e) {
  MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)-[:DISCUSSES]->(e)
  RETURN count(p) AS passages, count(DISTINCT d) AS documents
}
RETURN e.id AS id, e.name AS name, e.description AS description, coalesce(passages, 0) AS passages,
       coalesce(documents, 0) AS documents
ORDER BY e.id
