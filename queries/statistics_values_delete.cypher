// Removes the figures of the given measures, which are then written again.
UNWIND $ids AS id
MATCH (:Measure {id: id})<-[:OF_MEASURE]-(v:MeasureValue)
DETACH DELETE v
