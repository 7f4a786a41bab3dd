// Outcomes councils reported, filtered by council, metric (a controlled id, or a free metric's key),
// intervention and minimum evidence strength (all optional): figures, the quote, the intervention it is attributed to, and the
// document it came from. E.g. what outcomes North Yorkshire reported and from what.
MATCH (c:Council)-[:REPORTED]->(o:Outcome)-[:STATED_IN]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
WHERE ($council IS NULL OR c.code = $council)
  AND ($metric IS NULL OR $metric IN [o.metric, o.metric_key])
  AND o.strength >= $min_strength
OPTIONAL MATCH (o)-[:ATTRIBUTED_TO]->(i:Intervention)
WITH c, o, p, d, i
WHERE $intervention IS NULL OR i.id = $intervention
RETURN c.code AS ons_code, c.name AS council, o {.*, metric: o.metric} AS outcome, i.id AS intervention_id, i.name AS intervention,
       {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date, kind: d.kind, page: p.page,
        passage_id: p.id} AS citation
ORDER BY o.strength DESC, c.name, d.date DESC
SKIP $offset LIMIT $limit
