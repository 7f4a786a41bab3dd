// For the ingestion benchmark only: removes the sample's documents (after document_clear has removed
// what each contributed), so the next round ingests them into the graph the first round started from.
UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d
