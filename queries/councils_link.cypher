// Sets each council's ranked DfE statistical neighbours and each predecessor's successors,
// removing edges the reference file no longer lists; idempotent.
UNWIND $councils AS c
MATCH (n:Council {code: c.code})
CALL (n, c) {
  UNWIND range(0, size(c.neighbours) - 1) AS i
  MATCH (m:Council {code: c.neighbours[i]})
  MERGE (n)-[e:STATISTICAL_NEIGHBOUR]->(m)
  SET e.rank = i + 1
}
CALL (n, c) {
  UNWIND c.successors AS code
  MATCH (m:Council {code: code})
  MERGE (n)-[:SUCCEEDED_BY]->(m)
}
CALL (n, c) {
  MATCH (n)-[e:STATISTICAL_NEIGHBOUR]->(m)
  WHERE NOT m.code IN c.neighbours
  DELETE e
}
CALL (n, c) {
  MATCH (n)-[e:SUCCEEDED_BY]->(m)
  WHERE NOT m.code IN c.successors
  DELETE e
}
