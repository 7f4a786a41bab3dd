// How many passages the graph holds (the scale benchmark's check of what it loaded).
MATCH (p:Passage)
RETURN count(p) AS n
