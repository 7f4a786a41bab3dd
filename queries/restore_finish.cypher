// Ends a restore: the restored nodes lose their dump marks.
MATCH (n:DumpNode)
CALL (n) { REMOVE n:DumpNode REMOVE n._dump_id } IN TRANSACTIONS OF 10000 ROWS
