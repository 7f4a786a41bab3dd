// Is the graph whole? Each row is one kind of damage with how many and a few examples: orphans,
// duplicates, passages without embeddings, documents without (all their) passages, and evidence
// edges without the provenance every answer must cite. A clean graph gives counts of 0.
MATCH (p:Passage) WHERE NOT EXISTS { (:Document)-[:HAS_PASSAGE]->(p) }
RETURN 'passages without a document' AS problem, count(p) AS count, collect(p.id)[..5] AS examples
UNION ALL
MATCH (p:Passage) WHERE p.embedding IS NULL
RETURN 'passages without an embedding' AS problem, count(p) AS count, collect(p.id)[..5] AS examples
UNION ALL
MATCH (d:Document) WHERE NOT EXISTS { (d)-[:HAS_PASSAGE]->(:Passage) }
RETURN 'documents without passages' AS problem, count(d) AS count, collect(d.id)[..5] AS examples
UNION ALL
MATCH (d:Document) WHERE d.passage_count IS NOT NULL AND COUNT { (d)-[:HAS_PASSAGE]->(:Passage) } <> d.passage_count
RETURN 'documents with fewer or more passages than were written' AS problem, count(d) AS count,
       collect(d.id)[..5] AS examples
UNION ALL
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)
WITH d, p.ordinal AS ordinal, count(p) AS copies WHERE copies > 1
RETURN 'duplicate passages (same document and ordinal)' AS problem, count(*) AS count,
       collect(d.id + '#' + toString(ordinal))[..5] AS examples
UNION ALL
MATCH (p:Passage)<-[:HAS_PASSAGE]-(d:Document)
WITH p, count(d) AS owners WHERE owners > 1
RETURN 'passages in more than one document' AS problem, count(p) AS count, collect(p.id)[..5] AS examples
UNION ALL
MATCH (i:Inspection)
WHERE NOT EXISTS { (i)-[:REPORTED_IN]->(:Document) } OR NOT EXISTS { (:Council)-[:INSPECTED]->(i) }
RETURN 'inspections without their report or council' AS problem, count(i) AS count, collect(i.id)[..5] AS examples
UNION ALL
MATCH (j:Judgement)
WHERE NOT EXISTS { (:Inspection)-[:JUDGED]->(j) } OR NOT EXISTS { (j)-[:EVIDENCED_BY]->(:Passage) }
RETURN 'judgements without their inspection or passage' AS problem, count(j) AS count,
       collect(j.area + ': ' + j.grade)[..5] AS examples
UNION ALL
MATCH (c:JudgementClaim)
WHERE NOT EXISTS { (c)-[:STATED_IN]->(:Passage) } OR NOT EXISTS { (c)-[:ABOUT]->(:Council) }
RETURN 'judgement claims without their passage or council' AS problem, count(c) AS count,
       collect(c.quote)[..5] AS examples
UNION ALL
MATCH (o:Outcome)
WHERE NOT EXISTS { (o)-[:STATED_IN]->(:Passage) } OR NOT EXISTS { (:Council)-[:REPORTED]->(o) }
   OR o.quote IS NULL
RETURN 'outcomes without their passage, council or quote' AS problem, count(o) AS count, collect(o.id)[..5] AS examples
UNION ALL
MATCH (:Council)-[r:IMPLEMENTED]->(:Intervention)
WHERE r.quote IS NULL OR r.passage_id IS NULL OR NOT EXISTS { MATCH (p:Passage {id: r.passage_id}) }
RETURN 'implementations without a quote or an existing passage' AS problem, count(r) AS count,
       collect(r.passage_id)[..5] AS examples
UNION ALL
MATCH (c:Council)-[r:IMPLEMENTED]->(i:Intervention)
WITH c, i, r.document_id AS document, count(r) AS copies WHERE copies > 1
RETURN 'duplicate implementations (same council, intervention and document)' AS problem, count(*) AS count,
       collect(c.name + ' / ' + i.id)[..5] AS examples
UNION ALL
MATCH (p:Passage)-[r:MENTIONS]->(entity)
WITH p, entity, count(r) AS copies, collect(r.surface IS NULL OR r.method IS NULL) AS unsourced
WHERE copies > 1 OR any(flag IN unsourced WHERE flag)
RETURN 'duplicate mentions or mentions without their words' AS problem, count(*) AS count, collect(p.id)[..5] AS examples
UNION ALL
MATCH (p:Passage)-[r:DISCUSSES]->(e:Enabler)
WITH p, e, count(r) AS copies, collect(r.score IS NULL) AS unscored
WHERE copies > 1 OR any(flag IN unscored WHERE flag)
RETURN 'duplicate or unscored enabler links' AS problem, count(*) AS count, collect(p.id)[..5] AS examples
UNION ALL
MATCH (o:Outcome)-[r:ATTRIBUTED_TO]->(:Intervention)
WHERE r.method IS NULL OR r.passage_id IS NULL
RETURN 'attributions without method or passage' AS problem, count(r) AS count, collect(o.id)[..5] AS examples
