// Removes the measures a load no longer gives, with their figures; returns how many went.
MATCH (m:Measure)
WHERE NOT m.id IN $keep
CALL (m) {
  MATCH (m)<-[:OF_MEASURE]-(v:MeasureValue)
  DETACH DELETE v
}
DETACH DELETE m
RETURN count(*) AS removed
