// Sets each council's ranked DfE statistical neighbours and each predecessor's successors,
// removing edges the reference file no longer lists; idempotent.
UNWIND $councils AS c
MATCH (n:Council {code: c.code})
CALL (n, c) {
  UNWIND range(0, size(c.neighbour_ons_codes) - 1) AS i
  MATCH (m:Council {code: c.neighbour_ons_codes[i]})
  MERGE (n)-[e:STATISTICAL_NEIGHBOUR]->(m)
  SET e.rank = i + 1
}
CALL (n, c) {
  UNWIND c.successor_codes AS code
  MATCH (m:Council {code: code})
  MERGE (n)-[:SUCCEEDED_BY]->(m)
}
CALL (n, c) {
  MATCH (n)-[e:STATISTICAL_NEIGHBOUR]->(m)
  WHERE NOT m.code IN c.neighbour_ons_codes
  DELETE e
}
CALL (n, c) {
  MATCH (n)-[e:SUCCEEDED_BY]->(m)
  WHERE NOT m.code IN c.successor_codes
  DELETE e
}
