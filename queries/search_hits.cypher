// The passages a search found, with their citation (document title, publisher, date, page, kind)
// the councils their document is about, and the councils, interventions and enablers the passage itself
// names or discusses, each list in a fixed order (councils and interventions by name, enablers by score).
UNWIND $ids AS id
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage {id: id})
OPTIONAL MATCH (d)-[:ABOUT]->(c:Council)
WITH d, p, c
ORDER BY c.name
WITH d, p, collect(DISTINCT c {.code, .name}) AS about
RETURN p.id AS passage_id, d.id AS document_id, p.text AS text, p.text_hash AS text_hash, p.page AS page,
       p.section AS section, d.title AS title, d.publisher AS publisher, d.date AS date, d.kind AS kind,
       about AS councils,
       COLLECT { MATCH (p)-[:MENTIONS]->(m:Council) RETURN m {.code, .name} ORDER BY m.name } AS councils_mentioned,
       COLLECT { MATCH (p)-[:MENTIONS]->(i:Intervention) RETURN i {.id, .name} ORDER BY i.name } AS interventions,
       COLLECT { MATCH (p)-[r:DISCUSSES]->(e:Enabler) RETURN e {.id, .name, score: r.score} ORDER BY r.score DESC, e.name } AS enablers
