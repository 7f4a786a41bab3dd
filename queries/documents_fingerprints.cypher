// Which of these documents the graph already holds, the sha256 of the file each came from and
// the version of the pipeline that read it,
// so an unchanged file can be skipped without being read.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.sha256 AS sha256, d.pipeline_version AS pipeline_version
