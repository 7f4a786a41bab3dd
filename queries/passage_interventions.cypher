// Which catalogue interventions each of the given passages mentions (what the passages that best
// answer a question name).
UNWIND $ids AS id
MATCH (p:Passage {id: id})-[:MENTIONS]->(i:Intervention)
RETURN p.id AS passage_id, collect(i.id) AS interventions
