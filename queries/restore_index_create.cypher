// A restore's lookup of dumped nodes by their dump id, while their relationships are recreated.
CREATE INDEX dump_node IF NOT EXISTS FOR (n:DumpNode) ON (n._dump_id)
