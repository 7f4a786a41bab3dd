// Links passages to the enablers of improvement they discuss, with the score and the cue words.
UNWIND $links AS link
MATCH (p:Passage {id: link.passage_id})
MATCH (e:Enabler {id: link.enabler})
CREATE (p)-[:DISCUSSES {score: link.score, cues: link.cues, method: link.method}]->(e)
