// Creates a document's passages, in order, with their embeddings stored as float32 vectors.
MATCH (d:Document {id: $document_id})
UNWIND $passages AS passage
CREATE (d)-[:HAS_PASSAGE]->(p:Passage)
SET p = passage {.*, embedding: null}
WITH p, passage
CALL db.create.setNodeVectorProperty(p, 'embedding', passage.embedding)
