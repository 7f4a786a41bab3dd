// Each inspection report whose council had an earlier overall grade: the report's document, its
// council, its own grade and the council's earlier grades, oldest first (for questions about
// councils that moved from one grade to another, such as "went from inadequate to good").
MATCH (c:Council)-[:INSPECTED]->(i:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
MATCH (i)-[:REPORTED_IN]->(d:Document)
WITH c, d, j.grade AS grade, coalesce(i.end, i.start) AS day
ORDER BY day, d.id
WITH c, collect({document_id: d.id, grade: grade}) AS reports
UNWIND range(1, size(reports) - 1) AS n
RETURN reports[n].document_id AS document_id, c.code AS code, reports[n].grade AS grade,
       [report IN reports[0..n] | report.grade] AS earlier
