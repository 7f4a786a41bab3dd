// Every current council's figures of the given measures, from every source that gives them (what-worked
// compares the councils that used a practice with their statistical neighbours over the same years).
MATCH (v:MeasureValue)
WHERE v.area_kind = 'council' AND v.measure_id IN $measure_ids
RETURN v.measure_id AS measure_id, v.area_code AS area_code, v.year AS year, v.value AS value,
       v.source_rank AS rank
