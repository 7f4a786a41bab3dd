// A token that changes whenever the loaded statistics do: the measures' digests (one a measure, each
// over its figures), so cached figures are kept only while they stay the same.
MATCH (m:Measure)
WITH m ORDER BY m.id
RETURN count(m) + '/' + reduce(token = '', digest IN collect(m.digest) | token + left(digest, 8)) AS version
