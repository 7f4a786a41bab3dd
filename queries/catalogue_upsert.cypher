// Loads the intervention catalogue and the seven enablers (from kg/model/*.yaml) as
// nodes; entries no longer in the catalogue are removed with their edges (emerging and curated
// interventions, which ingest writes, are not the catalogue's to remove).
UNWIND $interventions AS entry
MERGE (i:Intervention {id: entry.id})
SET i.name = entry.name, i.category = entry.category, i.description = entry.description, i.aliases = entry.aliases,
    i.status = entry.status
WITH collect(entry.id) AS intervention_ids
UNWIND $enablers AS entry
MERGE (e:Enabler {id: entry.id})
SET e.name = entry.name, e.description = entry.description, e.cues = entry.cues
WITH intervention_ids, collect(entry.id) AS enabler_ids
CALL (intervention_ids, enabler_ids) {
  MATCH (stale) WHERE (stale:Intervention AND NOT stale.id IN intervention_ids AND NOT stale.status IN ['emerging', 'curated'])
                   OR (stale:Enabler AND NOT stale.id IN enabler_ids)
  DETACH DELETE stale
}
RETURN size(intervention_ids) AS interventions, size(enabler_ids) AS enablers
