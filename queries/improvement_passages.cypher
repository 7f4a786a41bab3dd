// The passages of the given inspection reports that say what changed since the previous inspection or
// what leaders did (marked at ingest), at most $per_document of each: those comparing with the previous
// inspection first, then by relevance to a question (cosine of its embedding and the question's vector,
// or null with none); each with the interventions it names.
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)
WHERE d.id IN $document_ids AND p.credits_change
WITH d, p, CASE WHEN $vector IS NULL THEN NULL ELSE vector.similarity.cosine(p.embedding, $vector) END AS relevance
ORDER BY d.id, p.since_last_inspection DESC, coalesce(relevance, 0.0) DESC, p.ordinal
WITH d, collect({passage: p, relevance: relevance})[..$per_document] AS best
UNWIND best AS chosen
WITH d, chosen.passage AS p, chosen.relevance AS relevance
RETURN d.id AS document_id, p.id AS passage_id, p.text AS text, relevance,
       [(p)-[:MENTIONS]->(i:Intervention) | {id: i.id, name: i.name}] AS interventions,
       {document_id: d.id, title: d.title, publisher: d.publisher, date: d.date, kind: d.kind, page: p.page,
        passage_id: p.id} AS citation
