// Which councils implemented an intervention (e.g. Signs of Safety): each with the quote that
// says so and the document it is in, strongest provenance first.
MATCH (c:Council)-[r:IMPLEMENTED]->(i:Intervention {id: $intervention})
MATCH (d:Document {id: r.document_id})
RETURN c.code AS ons_code, c.name AS council, r.since AS since, r.quote AS quote, r.method AS method,
       r.confidence AS confidence, r.passage_id AS passage_id,
       {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date, kind: d.kind} AS citation
ORDER BY c.name, r.confidence DESC, d.date DESC
