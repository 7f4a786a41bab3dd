// Links passages to the councils and interventions they name, with the evidence sentence's span,
// the words as written, how often, and how they were found. Each kind is found through its own
// unique index (a single MATCH over both labels would scan every council and intervention).
UNWIND $mentions AS m
MATCH (p:Passage {id: m.passage_id})
CALL (m) {
  MATCH (entity:Council {code: m.key}) WHERE m.kind = 'council'
  RETURN entity
  UNION
  MATCH (entity:Intervention {id: m.key}) WHERE m.kind = 'intervention'
  RETURN entity
}
CREATE (p)-[r:MENTIONS]->(entity)
SET r.surface = m.surface, r.count = m.count, r.char_start = m.char_start, r.char_end = m.char_end,
    r.method = m.method, r.confidence = m.confidence
