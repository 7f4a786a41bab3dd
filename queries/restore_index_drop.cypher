// Drops the restore's lookup index once the restore is over.
DROP INDEX dump_node IF EXISTS
