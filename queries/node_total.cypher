// How many nodes the graph holds (restore refuses to write into a graph that is not empty).
MATCH (n)
RETURN count(n) AS nodes
