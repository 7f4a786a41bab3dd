// The measures with the given ids (every measure when $ids is null), with how many figures each holds.
MATCH (m:Measure)
WHERE $ids IS NULL OR m.id IN $ids
RETURN m.id AS id, m.label AS label, m.unit AS unit, m.polarity AS polarity, m.description AS description,
       m.topic AS topic, m.publisher AS publisher, m.publication AS publication,
       m.publication_url AS publication_url, m.period_end_month AS period_end_month,
       COUNT { (:MeasureValue)-[:OF_MEASURE]->(m) } AS values
ORDER BY m.topic, m.id
