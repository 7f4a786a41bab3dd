// What the evidence base holds and what the latest ingest run is doing: its status, how many
// documents it means to read and how many it could not; for /health, `evidence db status` and the
// pages' banner while the corpus is still loading.
CALL () {
  OPTIONAL MATCH (run:IngestRun)
  RETURN run ORDER BY run.started DESC LIMIT 1
}
RETURN COUNT { MATCH (:Document) } AS documents, run.id AS run_id, run.status AS status,
       run.planned AS planned, run.documents_failed AS failed
