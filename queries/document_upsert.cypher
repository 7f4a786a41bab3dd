// Writes a document's metadata, links it to the ingest run that added or changed it and to the
// councils it is about.
MERGE (d:Document {id: $document.id})
SET d.title = $document.title, d.publisher = $document.publisher, d.date = $document.date,
    d.kind = $document.kind, d.source = $document.source, d.path = $document.path, d.sha256 = $document.sha256,
    d.bytes = $document.bytes, d.format = $document.format, d.pages = $document.pages,
    d.passage_count = $document.passage_count, d.text = $document.text, d.ingest_run = $document.ingest_run,
    d.pipeline_version = $document.pipeline_version, d.fingerprint = $document.fingerprint,
    d.ingested_at = $document.ingested_at
WITH d
MATCH (run:IngestRun {id: $run_id})
CALL (d, run) {
  WITH d, run WHERE $change = 'added'
  MERGE (run)-[:ADDED]->(d)
}
CALL (d, run) {
  WITH d, run WHERE $change = 'updated'
  MERGE (run)-[:UPDATED]->(d)
}
CALL (d) {
  MATCH (d)-[old:ABOUT]->(:Council)
  DELETE old
}
CALL (d) {
  UNWIND $councils AS code
  MATCH (c:Council {code: code})
  MERGE (d)-[:ABOUT]->(c)
}
