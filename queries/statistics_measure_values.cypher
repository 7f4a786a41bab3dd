// Every figure of the given measures, for every area and from every source (the key measures' figures,
// read once per load of the statistics, serve every council page).
MATCH (v:MeasureValue)
WHERE v.measure_id IN $measure_ids
RETURN v.measure_id AS measure_id, v.area_code AS area_code, v.year AS year, v.year_label AS year_label,
       v.value AS value, v.source_file AS source, v.release AS release,
       v.source_rank AS rank
