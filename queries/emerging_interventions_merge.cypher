// Creates the emerging interventions a document mentions (practices the catalogue never named),
// keyed by their normalised words so every document's mentions of one practice meet on one node.
UNWIND $interventions AS entry
MERGE (i:Intervention {id: entry.id})
ON CREATE SET i.name = entry.name, i.category = entry.category, i.description = entry.description,
              i.aliases = entry.aliases, i.status = 'emerging'
