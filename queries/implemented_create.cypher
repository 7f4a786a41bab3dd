// Records that a council implemented an intervention, one edge per council, intervention and
// document, with the sentence that says so (passage, span, quote), since when, method, confidence.
UNWIND $implementations AS row
MATCH (c:Council {code: row.council})
MATCH (i:Intervention {id: row.intervention})
CREATE (c)-[r:IMPLEMENTED]->(i)
SET r.document_id = row.document_id, r.passage_id = row.passage_id, r.char_start = row.char_start,
    r.char_end = row.char_end, r.quote = row.quote, r.surface = row.surface, r.since = row.since,
    r.method = row.method, r.confidence = row.confidence
