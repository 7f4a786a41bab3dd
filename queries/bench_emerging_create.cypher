// For the curation benchmark only: creates synthetic councils, documents with passages, and emerging
// interventions mentioned by some passages and implemented by some councils (bench/curation.py;
// never used on real evidence).
UNWIND $councils AS code
CREATE (:Council {code: code, name: 'Synthetic council ' + code})
WITH count(*) AS made
UNWIND $documents AS document
CREATE (d:Document {id: document.id, title: document.title, publisher: 'Synthetic', date: document.date,
                    kind: 'case_study'})
WITH d, document
UNWIND document.passages AS passage
CREATE (d)-[:HAS_PASSAGE]->(p:Passage)
SET p = passage
WITH count(*) AS made
UNWIND $interventions AS entry
CREATE (i:Intervention {id: entry.id, name: entry.name, category: 'workforce', status: 'emerging'})
WITH i, entry
CALL (i, entry) {
  UNWIND entry.passages AS id
  MATCH (p:Passage {id: id})
  CREATE (p)-[:MENTIONS {surface: entry.name, count: 1, char_start: p.char_start + 5, char_end: p.char_start + 90}]->(i)
}
CALL (i, entry) {
  UNWIND entry.councils AS code
  MATCH (c:Council {code: code})
  CREATE (c)-[:IMPLEMENTED {document_id: entry.passages[0]}]->(i)
}
