// Which of these documents the graph already holds, and the sha256 of the file each came from,
// so an unchanged file can be skipped without being read.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.sha256 AS sha256
