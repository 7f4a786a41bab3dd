// Links passages to the councils and interventions they name, with the evidence sentence's span,
// the words as written, how often, and how they were found.
UNWIND $mentions AS m
MATCH (p:Passage {id: m.passage_id})
MATCH (entity) WHERE (m.kind = 'council' AND entity:Council AND entity.code = m.key)
                  OR (m.kind = 'intervention' AND entity:Intervention AND entity.id = m.key)
CREATE (p)-[r:MENTIONS]->(entity)
SET r = m.provenance
