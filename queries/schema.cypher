// Creates every constraint and index the graph relies on. Idempotent (IF NOT EXISTS).
// Node keys
CREATE CONSTRAINT council_code IF NOT EXISTS FOR (c:Council) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT council_la_code IF NOT EXISTS FOR (c:Council) REQUIRE c.la_code IS UNIQUE;
CREATE CONSTRAINT council_ons_code IF NOT EXISTS FOR (c:Council) REQUIRE c.ons_code IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT inspection_id IF NOT EXISTS FOR (i:Inspection) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT intervention_id IF NOT EXISTS FOR (i:Intervention) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT outcome_id IF NOT EXISTS FOR (o:Outcome) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT enabler_id IF NOT EXISTS FOR (e:Enabler) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (r:IngestRun) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT embedding_model_key IF NOT EXISTS FOR (m:EmbeddingModel) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (m:Measure) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT measure_value_id IF NOT EXISTS FOR (v:MeasureValue) REQUIRE v.id IS UNIQUE;
// Lookups
CREATE INDEX council_name IF NOT EXISTS FOR (c:Council) ON (c.name);
CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256);
CREATE INDEX document_path IF NOT EXISTS FOR (d:Document) ON (d.path);
CREATE INDEX document_kind IF NOT EXISTS FOR (d:Document) ON (d.kind);
CREATE INDEX inspection_start IF NOT EXISTS FOR (i:Inspection) ON (i.start);
CREATE INDEX judgement_area IF NOT EXISTS FOR (j:Judgement) ON (j.area);
CREATE INDEX outcome_metric IF NOT EXISTS FOR (o:Outcome) ON (o.metric);
CREATE INDEX implemented_document IF NOT EXISTS FOR ()-[r:IMPLEMENTED]-() ON (r.document_id);
// Official statistics: an area's figures of some measures (pages), predecessors' figures
CREATE INDEX measure_value_area IF NOT EXISTS FOR (v:MeasureValue) ON (v.area_code, v.measure_id);
CREATE INDEX measure_value_kind IF NOT EXISTS FOR (v:MeasureValue) ON (v.area_kind);
// Search: dense vectors (all-MiniLM-L6-v2, 384 dimensions, cosine) and full text
CREATE VECTOR INDEX passage_embedding IF NOT EXISTS FOR (p:Passage) ON (p.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
// Full text over each passage and its section heading (the heading is embedded with the passage
// too), English-analysed: possessives and stop words dropped, words stemmed, so "reducing" finds
// "reduced" and "reduction". The field's terms are stemmed alike on both sides, and the query adds
// their synonyms as phrases (search/vocabulary.yaml); on the 58 dev questions this beats the
// unstemmed index it replaces (BENCHMARKS.md). `evidence db init` drops the older indexes.
DROP INDEX passage_text IF EXISTS;
DROP INDEX passage_words IF EXISTS;
CREATE FULLTEXT INDEX passage_stems IF NOT EXISTS FOR (p:Passage) ON EACH [p.text, p.section]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
