// The councils a council replaced, and those that replaced it (reorganisations).
MATCH (c:Council {code: $code})
OPTIONAL MATCH (old:Council)-[:SUCCEEDED_BY]->(c)
OPTIONAL MATCH (c)-[:SUCCEEDED_BY]->(new:Council)
RETURN collect(DISTINCT old {.code, .name}) AS predecessors, collect(DISTINCT new {.code, .name}) AS successors
