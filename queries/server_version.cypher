// Which Neo4j product, version and edition answers.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
