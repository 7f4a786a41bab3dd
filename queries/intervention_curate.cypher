// Gives emerging interventions what curators decided (kg/model/curation.py): the name and category
// they chose, and status 'curated' once promoted; catalogue entries are never changed.
UNWIND $interventions AS entry
MATCH (i:Intervention {id: entry.id})
WHERE i.status IN ['emerging', 'curated']
SET i.name = coalesce(entry.name, i.name), i.category = coalesce(entry.category, i.category),
    i.status = coalesce(entry.status, i.status)
