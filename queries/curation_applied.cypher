// Counts the curation decisions applied to the graph on one (:Curation) node, so the graph's version
// token (graph_version.cypher) changes and cached reads notice a rename or a promotion.
MERGE (c:Curation {key: 'decisions'})
SET c.applied = coalesce(c.applied, 0) + 1, c.changed = datetime()
