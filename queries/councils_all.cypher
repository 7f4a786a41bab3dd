// Every council as the reference file gave it (kg/model/graph.py Council): the names it goes by (for
// resolving what a user or a document calls it), its ranked statistical neighbours and, for a
// predecessor, the councils that succeeded it.
MATCH (c:Council)-[:IN_REGION]->(r:Region)
RETURN c.code AS code, c.ons_code AS ons_code, c.la_code AS la_code, c.name AS name, r.name AS region,
       c.type AS type, c.population_0_25 AS population_0_25, c.ons_name AS ons_name, c.aliases AS aliases,
       r.code AS region_code, c.ofsted_urn AS ofsted_urn, c.former_ons_code AS former_ons_code,
       COLLECT { MATCH (c)-[e:STATISTICAL_NEIGHBOUR]->(n:Council) RETURN n.code ORDER BY e.rank } AS neighbour_ons_codes,
       COLLECT { MATCH (c)-[:SUCCEEDED_BY]->(s:Council) RETURN s.code ORDER BY s.code } AS successor_codes
ORDER BY c.name
