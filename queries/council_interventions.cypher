// Which interventions a council implemented: each with the earliest year given, and the quote and
// document of its strongest provenance.
MATCH (c:Council {code: $code})-[r:IMPLEMENTED]->(i:Intervention)
MATCH (d:Document {id: r.document_id})
WITH i, r, d
ORDER BY r.confidence DESC, d.date DESC
WITH i, collect({quote: r.quote, passage_id: r.passage_id,
                 citation: {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date,
                            kind: d.kind}}) AS provenance, min(r.since) AS since
RETURN i.id AS id, i.name AS name, i.category AS category, i.description AS description,
       coalesce(i.status, 'catalogue') AS status, since, provenance[0].quote AS quote,
       provenance[0].passage_id AS passage_id, provenance[0].citation AS citation, size(provenance) AS documents
ORDER BY name
