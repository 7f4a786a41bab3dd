// Creates a document's passages, in order, with their embeddings stored as float32 vectors.
MATCH (d:Document {id: $document_id})
UNWIND $passages AS passage
CREATE (d)-[:HAS_PASSAGE]->(p:Passage)
SET p.id = passage.id, p.document_id = passage.document_id, p.ordinal = passage.ordinal, p.text = passage.text,
    p.section = passage.section, p.page = passage.page, p.page_end = passage.page_end,
    p.char_start = passage.char_start, p.char_end = passage.char_end, p.words = passage.words,
    p.text_hash = passage.text_hash, p.credits_change = passage.credits_change,
    p.since_last_inspection = passage.since_last_inspection, p.embedding_model = passage.embedding_model,
    p.embedding_backend = passage.embedding_backend
WITH p, passage
CALL db.create.setNodeVectorProperty(p, 'embedding', passage.embedding)
