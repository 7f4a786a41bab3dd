// How many nodes the graph holds under each label (for `evidence db status` and /health).
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
