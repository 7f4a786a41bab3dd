// The passages a search found, with their citation (document title, publisher, date, page, kind)
// and the councils their document is about.
UNWIND $ids AS id
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage {id: id})
OPTIONAL MATCH (d)-[:ABOUT]->(c:Council)
RETURN p.id AS passage_id, d.id AS document_id, p.text AS text, p.text_hash AS text_hash, p.page AS page,
       p.section AS section, d.title AS title, d.publisher AS publisher, d.date AS date, d.kind AS kind,
       [council IN collect(DISTINCT c) | council {.code, .name}] AS councils
