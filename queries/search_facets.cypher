// What the graph links to each of some candidate passages, for ranking them by what a question
// names: the councils its document is about or it mentions, the interventions it mentions, the
// outcomes it states (controlled metric and direction), the grades its judgements, its document's inspection
// and the claims it states give, and the years of its document and of those claims. Facts of a
// document are read once for all its passages.
UNWIND $ids AS id
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage {id: id})
WITH d, collect(p) AS found
WITH d, found, COLLECT { MATCH (d)-[:ABOUT]->(c:Council) RETURN c.code } AS about,
     COLLECT { MATCH (d)<-[:REPORTED_IN]-(:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
               RETURN j.grade } AS inspected
UNWIND found AS p
RETURN p.id AS passage_id, d.id AS document_id,
       about + COLLECT { MATCH (p)-[:MENTIONS]->(c:Council) RETURN c.code } AS councils,
       COLLECT { MATCH (p)-[:MENTIONS]->(i:Intervention) RETURN i.id } AS interventions,
       COLLECT { MATCH (o:Outcome)-[:STATED_IN]->(p) WHERE o.metric IS NOT NULL
                   RETURN o.metric + ' ' + o.direction } AS outcomes,
       inspected + COLLECT { MATCH (j:Judgement)-[:EVIDENCED_BY]->(p) RETURN j.grade AS grade
                             UNION ALL MATCH (cl:JudgementClaim)-[:STATED_IN]->(p) RETURN cl.grade AS grade } AS grades,
       [left(d.date, 4)] + COLLECT { MATCH (cl:JudgementClaim)-[:STATED_IN]->(p) RETURN toString(cl.year) } AS years
