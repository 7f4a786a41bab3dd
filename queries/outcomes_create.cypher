// Records what a council reported changing or standing at (kind, controlled or free metric, direction,
// figures, period, evidence strength) with its quote and passage, attributed to an intervention where
// the text links them.
UNWIND $outcomes AS row
MATCH (c:Council {code: row.council})
MATCH (p:Passage {id: row.passage_id})
CREATE (o:Outcome {id: row.id})
SET o.document_id = row.document_id, o.passage_id = row.passage_id, o.kind = row.kind, o.metric = row.metric,
    o.metric_name = row.metric_name, o.metric_text = row.metric_text, o.metric_key = row.metric_key, o.direction = row.direction, o.value_from = row.value_from,
    o.value_to = row.value_to, o.unit = row.unit, o.change = row.change, o.change_unit = row.change_unit,
    o.period = row.period, o.strength = row.strength, o.strength_label = row.strength_label,
    o.quote = row.quote, o.clause = row.clause, o.char_start = row.char_start, o.char_end = row.char_end,
    o.method = row.method, o.confidence = row.confidence
CREATE (c)-[:REPORTED]->(o)
CREATE (o)-[:STATED_IN]->(p)
WITH o, row
OPTIONAL MATCH (i:Intervention {id: row.intervention})
FOREACH (_ IN CASE WHEN i IS NULL THEN [] ELSE [1] END |
  CREATE (o)-[:ATTRIBUTED_TO {method: row.attribution, passage_id: row.passage_id}]->(i))
