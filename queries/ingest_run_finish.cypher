// Records how an ingest run ended and what it counted.
MATCH (run:IngestRun {id: $run.id})
SET run.finished = datetime(), run.status = $run.status, run.documents_added = $run.documents_added,
    run.documents_updated = $run.documents_updated, run.documents_unchanged = $run.documents_unchanged,
    run.documents_failed = $run.documents_failed, run.passages = $run.passages
