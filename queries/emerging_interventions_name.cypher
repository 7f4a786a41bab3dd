// Names each emerging intervention by the surface its mentions print most often (ties: the first
// alphabetically), so the name does not depend on the order documents were ingested in (promoted
// ones too; a curator's own name is set after, intervention_curate.cypher).
UNWIND $ids AS id
MATCH (i:Intervention {id: id})
WHERE i.status IN ['emerging', 'curated']
CALL (i) {
  MATCH (:Passage)-[r:MENTIONS]->(i)
  WITH r.surface AS surface, sum(r.count) AS times
  ORDER BY times DESC, surface
  LIMIT 1
  RETURN surface
}
SET i.name = surface
