// Which passages discuss an enabler (e.g. engaging partners), best scored first, with citations
// and, optionally, only those about one council.
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)-[r:DISCUSSES]->(e:Enabler {id: $enabler})
WHERE $council IS NULL OR EXISTS { (d)-[:ABOUT]->(:Council {code: $council}) }
   OR EXISTS { (p)-[:MENTIONS]->(:Council {code: $council}) }
RETURN p.id AS passage_id, p.text AS text, r.score AS score, r.cues AS cues,
       {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date, kind: d.kind, page: p.page} AS citation
ORDER BY r.score DESC
SKIP $offset LIMIT $limit
