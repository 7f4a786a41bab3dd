"""The graph: Neo4j server management, connections, schema and every read and write of the graph."""
