// Each council's DfE statistical neighbours in rank order and the councils that succeeded it: what
// "councils like X" and a former council's name stand for when search reads a question.
MATCH (c:Council)
RETURN c.code AS code,
       COLLECT { MATCH (c)-[e:STATISTICAL_NEIGHBOUR]->(n:Council) RETURN n.code ORDER BY e.rank } AS neighbours,
       COLLECT { MATCH (c)-[:SUCCEEDED_BY]->(s:Council) RETURN s.code ORDER BY s.code } AS successors
