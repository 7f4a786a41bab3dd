// Records that a council implemented an intervention, one edge per council, intervention and
// document, with the sentence that says so (passage, span, quote), since when, method, confidence.
UNWIND $implementations AS row
MATCH (c:Council {code: row.council})
MATCH (i:Intervention {id: row.intervention})
CREATE (c)-[r:IMPLEMENTED]->(i)
SET r = row.provenance
