// The predecessor areas whose figures are shown beside a council's: those that name it as a successor.
MATCH (v:MeasureValue {area_kind: 'predecessor'})
WHERE $code IN v.successors
RETURN DISTINCT v.area_code AS code, v.area_name AS name
ORDER BY name
