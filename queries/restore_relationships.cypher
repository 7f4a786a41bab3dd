// Recreates a batch of dumped relationships between the restored nodes.
UNWIND $rows AS row
MATCH (a:DumpNode {_dump_id: row.start})
MATCH (b:DumpNode {_dump_id: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
