// One document as a reader sees it: its metadata, the councils it is about, and its passages in
// order, each with the councils and interventions extracted from it (by name) and the outcomes it
// states (controlled or free metric, figures, strength).
MATCH (d:Document {id: $id})
RETURN d {.id, .title, .publisher, .date, .kind, .source, .format, .pages, .sha256, .ingest_run} AS document,
       COLLECT { MATCH (d)-[:ABOUT]->(c:Council) RETURN c {.code, .name} ORDER BY c.name } AS councils,
       COLLECT {
         MATCH (d)-[:HAS_PASSAGE]->(p:Passage)
         WITH p ORDER BY p.ordinal
         RETURN p {.id, .ordinal, .section, .page, .text,
                   councils: COLLECT { MATCH (p)-[r:MENTIONS]->(m:Council) RETURN m {.code, .name, surface: r.surface} ORDER BY m.name },
                   interventions: COLLECT { MATCH (p)-[r:MENTIONS]->(i:Intervention) RETURN i {.id, .name, surface: r.surface} ORDER BY i.name },
                   outcomes: COLLECT { MATCH (o:Outcome)-[:STATED_IN]->(p)
                                       RETURN o {.kind, .metric, .metric_name, .metric_text, .metric_key, .direction,
                                                 .value_from, .value_to, .unit, .change, .change_unit, .period,
                                                 .strength, .strength_label, .quote}
                                       ORDER BY o.char_start, o.id }}
       } AS passages
