// Rejects an emerging intervention for a curator: the node goes with its mentions and
// implementations; the outcomes attributed to it stay, unattributed.
MATCH (i:Intervention {id: $id})
WHERE i.status IN ['emerging', 'curated']
DETACH DELETE i
