// Each loaded measure with the digest of its description and figures, so a reload rewrites only the
// measures whose figures changed.
MATCH (m:Measure)
RETURN m.id AS id, m.digest AS digest
