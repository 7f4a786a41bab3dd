// Removes every node (the schema stays): tests start from an empty graph.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
