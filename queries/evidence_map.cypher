// The evidence gap map's raw material: each outcome a council reported, with every intervention it
// is evidence for — attributed to it in the text, or named in the same passage as the outcome by a
// council recorded as implementing it.
MATCH (c:Council)-[:REPORTED]->(o:Outcome)-[:STATED_IN]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
CALL (c, o, p) {
  MATCH (o)-[:ATTRIBUTED_TO]->(i:Intervention)
  RETURN i, 'attributed' AS link
  UNION
  MATCH (p)-[:MENTIONS]->(i:Intervention)<-[:IMPLEMENTED]-(c)
  RETURN i, 'same_passage' AS link
}
RETURN i.id AS intervention_id, i.name AS intervention, link, c.code AS ons_code, c.name AS council,
       o {.*, metric: o.metric} AS outcome,
       {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date, kind: d.kind, page: p.page,
        passage_id: p.id} AS citation
ORDER BY o.strength DESC, c.name
