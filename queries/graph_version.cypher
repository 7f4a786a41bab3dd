// A token that changes whenever the evidence changes: the ingest runs (count, latest finish), the
// embedding model, curators' decisions applied, and counts of councils, documents, inspections and
// implementations (from the count store, cheap); cached reads are kept only while it stays the same.
OPTIONAL MATCH (run:IngestRun)
WITH count(run) AS runs, max(run.finished) AS finished
OPTIONAL MATCH (model:EmbeddingModel {key: 'passages'})
OPTIONAL MATCH (curation:Curation {key: 'decisions'})
RETURN runs + '/' + coalesce(toString(finished), '-') + '/' + coalesce(model.name, '-') + '/'
       + coalesce(toString(model.dimensions), '-') + '/' + COUNT { (:Council) } + '/' + COUNT { (:Document) }
       + '/' + COUNT { (:Inspection) } + '/' + COUNT { ()-[:IMPLEMENTED]->() } + '/' + coalesce(curation.applied, 0) AS version
