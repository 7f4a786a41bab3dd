// Removes a document's passages (and with them every relation that hangs off them) before the
// document is written again.
MATCH (d:Document {id: $id})-[:HAS_PASSAGE]->(p:Passage)
DETACH DELETE p
