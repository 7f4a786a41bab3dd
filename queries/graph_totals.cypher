// How many nodes and relationships the graph holds (the total a dump's progress counts towards;
// both come from Neo4j's count store, so this is instant).
RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships
