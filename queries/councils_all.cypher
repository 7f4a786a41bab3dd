// Every council with the names it goes by (for resolving what a user or a document calls it).
MATCH (c:Council)
OPTIONAL MATCH (c)-[:IN_REGION]->(r:Region)
RETURN c.code AS code, c.ons_code AS ons_code, c.la_code AS la_code, c.name AS name,
       c.ons_name AS ons_name, c.aliases AS aliases, c.type AS type, r.name AS region,
       c.population_0_25 AS population_0_25, c.historic AS historic
ORDER BY c.name
