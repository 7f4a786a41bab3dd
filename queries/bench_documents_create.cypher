// For the scale benchmark only: creates synthetic documents with their passages and float32
// embeddings in one batch (bench/scale.py; never used on real evidence).
UNWIND $documents AS document
CREATE (d:Document {id: document.id, title: document.title, publisher: 'Synthetic', date: document.date,
                    kind: 'case_study', passage_count: size(document.passages)})
WITH d, document
UNWIND document.passages AS passage
CREATE (d)-[:HAS_PASSAGE]->(p:Passage)
SET p = passage {.*, embedding: null}
WITH p, passage
CALL db.create.setNodeVectorProperty(p, 'embedding', passage.embedding)
