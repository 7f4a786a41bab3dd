// Records what a council reported changing (metric, direction, figures, period, evidence strength)
// with its quote and passage, attributed to an intervention where the text links them.
UNWIND $outcomes AS row
MATCH (c:Council {code: row.council})
MATCH (p:Passage {id: row.passage_id})
CREATE (o:Outcome)
SET o = row.outcome
CREATE (c)-[:REPORTED]->(o)
CREATE (o)-[:STATED_IN]->(p)
WITH o, row
OPTIONAL MATCH (i:Intervention {id: row.intervention})
FOREACH (_ IN CASE WHEN i IS NULL THEN [] ELSE [1] END |
  CREATE (o)-[:ATTRIBUTED_TO {method: row.attribution, passage_id: row.passage_id}]->(i))
