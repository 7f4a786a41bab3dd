// Which of these documents the graph already holds, with the fingerprint of the file, metadata
// and pipeline version each was written from, so an unchanged document is skipped without being read.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.fingerprint AS fingerprint
