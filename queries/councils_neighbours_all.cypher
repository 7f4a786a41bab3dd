// Every council's DfE statistical neighbours, nearest first (the comparators of what-worked's measured change).
MATCH (c:Council)-[r:STATISTICAL_NEIGHBOUR]->(n:Council)
WITH c, r, n ORDER BY r.rank
RETURN c.code AS code, collect(n.code) AS neighbours
