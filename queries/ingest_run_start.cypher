// Records the start of an ingest run and how many documents it means to read; runs left 'running'
// by a crash are marked interrupted.
OPTIONAL MATCH (stale:IngestRun {status: 'running'})
SET stale.status = 'interrupted'
WITH count(stale) AS interrupted
CREATE (run:IngestRun {id: $id, started: datetime(), code_version: $code_version, status: 'running',
                       planned: $planned})
RETURN run.id AS id, interrupted
