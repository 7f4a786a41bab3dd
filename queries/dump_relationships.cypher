// Every relationship with its type, ends and properties (for `evidence db dump` and the checksum).
MATCH (a)-[r]->(b)
RETURN type(r) AS type, elementId(a) AS start, elementId(b) AS end, properties(r) AS props
