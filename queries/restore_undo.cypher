// Undoes a failed restore: removes every node it wrote.
MATCH (n:DumpNode)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
