// The figures of the given measures for the given areas (a council, its neighbours, its predecessors,
// England), from every source that gives them.
MATCH (v:MeasureValue)
WHERE v.area_code IN $codes AND v.measure_id IN $measure_ids
RETURN v.measure_id AS measure_id, v.area_code AS area_code, v.year AS year, v.year_label AS year_label,
       v.value AS value, v.source_file AS source, v.release AS release,
       v.source_rank AS rank
