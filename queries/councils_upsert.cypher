// Upserts councils (current and predecessor) and their regions from the reference file; idempotent.
UNWIND $councils AS c
MERGE (r:Region {code: c.region_code})
SET r.name = c.region
MERGE (n:Council {code: c.code})
SET n.la_code = c.la_code,
    n.ons_code = c.ons_code,
    n.name = c.name,
    n.ons_name = c.ons_name,
    n.aliases = c.aliases,
    n.type = c.type,
    n.population_0_25 = c.population_0_25,
    n.ofsted_urn = c.ofsted_urn,
    n.former_ons_code = c.former_ons_code,
    n.historic = c.historic
MERGE (n)-[:IN_REGION]->(r)
WITH n, r
MATCH (n)-[stale:IN_REGION]->(other:Region)
WHERE other <> r
DELETE stale
