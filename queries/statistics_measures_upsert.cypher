// Creates or updates measures: their description, unit, polarity, publication and the digest of
// their figures (a reload rewrites only the measures whose digest changed).
UNWIND $measures AS m
MERGE (n:Measure {id: m.id})
SET n.label = m.label, n.unit = m.unit, n.polarity = m.polarity, n.description = m.description,
    n.topic = m.topic, n.publisher = m.publisher, n.publication = m.publication,
    n.publication_url = m.publication_url, n.period_end_month = m.period_end_month, n.digest = m.digest
