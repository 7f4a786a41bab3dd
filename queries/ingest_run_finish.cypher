// Records how an ingest run ended and what it counted.
MATCH (run:IngestRun {id: $id})
SET run.finished = datetime(), run.status = $status
SET run += $counts
