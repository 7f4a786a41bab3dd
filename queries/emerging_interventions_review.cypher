// Which emerging interventions (practices the catalogue never named) a curator should review: for
// each, how often passages mention it and in how many documents, how many councils are recorded
// implementing it, and the sentences of its first mentions in up to $quotes documents (cut from the
// passage's text, never the whole document's), each with its citation (document and page): most
// councils first, then most mentions, $limit of them (quotes are read for those only).
MATCH (i:Intervention {status: 'emerging'})
CALL (i) {
  OPTIONAL MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[r:MENTIONS]->(i)
  RETURN coalesce(sum(r.count), 0) AS mentions, count(DISTINCT d) AS documents
}
CALL (i) {
  OPTIONAL MATCH (c:Council)-[:IMPLEMENTED]->(i)
  RETURN count(DISTINCT c) AS councils
}
WITH i, mentions, documents, councils
WHERE councils >= $min_councils
ORDER BY councils DESC, mentions DESC, i.id
LIMIT $limit
CALL (i) {
  MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)-[r:MENTIONS]->(i)
  WITH d, p, r
  ORDER BY d.id, p.ordinal, r.char_start
  WITH d, collect({quote: substring(p.text, CASE WHEN r.char_start > p.char_start THEN r.char_start - p.char_start
                                                ELSE 0 END, r.char_end - r.char_start), passage_id: p.id,
                   citation: {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date,
                              kind: d.kind, page: p.page}})[0] AS first
  ORDER BY coalesce(first.citation.date, '') DESC, d.id
  LIMIT $quotes
  RETURN collect(first) AS quotes
}
RETURN i.id AS id, i.name AS name, i.category AS category, mentions, documents, councils, quotes
