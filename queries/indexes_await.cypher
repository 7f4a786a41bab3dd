// Waits until every index is online (after the schema is created, or a bulk load), up to $seconds.
CALL db.awaitIndexes($seconds)
