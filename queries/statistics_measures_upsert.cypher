// Creates or updates measures: their description, unit, polarity, publication and the digest of their figures.
UNWIND $measures AS m
MERGE (n:Measure {id: m.id})
SET n = m
