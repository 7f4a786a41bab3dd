// Every node with its labels and properties (for `evidence db dump` and the graph checksum).
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
