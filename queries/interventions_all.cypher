// Every intervention (catalogue and emerging) with how many councils implemented it, how many documents
// mention it and how many outcomes are attributed to it.
MATCH (i:Intervention)
OPTIONAL CALL (i) {
  MATCH (c:Council)-[:IMPLEMENTED]->(i)
  RETURN count(DISTINCT c) AS councils
}
OPTIONAL CALL (i) {
  MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(i)
  RETURN count(DISTINCT d) AS documents
}
OPTIONAL CALL (i) {
  MATCH (o:Outcome)-[:ATTRIBUTED_TO]->(i)
  RETURN count(o) AS outcomes
}
RETURN i.id AS id, i.name AS name, i.category AS category, i.description AS description,
       coalesce(i.status, 'catalogue') AS status,
       coalesce(councils, 0) AS councils, coalesce(documents, 0) AS documents, coalesce(outcomes, 0) AS outcomes
ORDER BY councils DESC, documents DESC, name
