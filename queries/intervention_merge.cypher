// Merges an emerging intervention into another (catalogue or emerging) for a curator: its mentions,
// implementations and attributed outcomes move to the target (an implementation the target already
// has from the same council and document is kept, with the earlier year), and the source goes.
MATCH (source:Intervention {id: $id}), (target:Intervention {id: $into})
WHERE source.status IN ['emerging', 'curated'] AND source <> target
CALL (source, target) {
  MATCH (p:Passage)-[r:MENTIONS]->(source)
  CREATE (p)-[moved:MENTIONS]->(target)
  SET moved = properties(r)
  DELETE r
}
CALL (source, target) {
  MATCH (c:Council)-[r:IMPLEMENTED]->(source)
  MATCH (c)-[held:IMPLEMENTED]->(target)
  WHERE held.document_id = r.document_id
  SET held.since = CASE WHEN r.since IS NOT NULL AND (held.since IS NULL OR r.since < held.since)
                        THEN r.since ELSE held.since END
  DELETE r
}
CALL (source, target) {
  MATCH (c:Council)-[r:IMPLEMENTED]->(source)
  CREATE (c)-[moved:IMPLEMENTED]->(target)
  SET moved = properties(r)
  DELETE r
}
CALL (source, target) {
  MATCH (o:Outcome)-[r:ATTRIBUTED_TO]->(source)
  CREATE (o)-[moved:ATTRIBUTED_TO]->(target)
  SET moved = properties(r)
  DELETE r
}
DETACH DELETE source
