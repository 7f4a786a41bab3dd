// For every intervention some council implemented (catalogue or emerging): who implemented it (since when, the quote
// and its document), and the outcomes the text attributes to it (figures, strength, quote).
MATCH (i:Intervention)
WHERE EXISTS { (:Council)-[:IMPLEMENTED]->(i) }
CALL (i) {
  MATCH (c:Council)-[r:IMPLEMENTED]->(i)
  MATCH (d:Document {id: r.document_id})
  RETURN collect({code: c.code, name: c.name, since: r.since, quote: r.quote, confidence: r.confidence,
                  passage_id: r.passage_id,
                  citation: {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date, kind: d.kind}})
         AS implementations
}
CALL (i) {
  OPTIONAL MATCH (c:Council)-[:REPORTED]->(o:Outcome)-[:ATTRIBUTED_TO]->(i)
  OPTIONAL MATCH (o)-[:STATED_IN]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
  RETURN collect(CASE WHEN o IS NULL THEN NULL ELSE {code: c.code, council: c.name, outcome: o {.*, metric: o.metric},
                  citation: {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date,
                             kind: d.kind, page: p.page, passage_id: p.id}} END) AS outcomes
}
RETURN i.id AS id, i.name AS name, i.category AS category, i.description AS description,
       coalesce(i.status, 'catalogue') AS status,
       implementations, outcomes
