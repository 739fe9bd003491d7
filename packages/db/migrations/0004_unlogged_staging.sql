-- Staging rows live for one batch and are rebuilt by a retry, so they need no write-ahead log:
-- unlogged tables load several times faster (and are emptied after a crash, which is fine here).
ALTER TABLE staging_transactions SET UNLOGGED;
--> statement-breakpoint
ALTER TABLE staging_shipments SET UNLOGGED;
--> statement-breakpoint
ALTER TABLE staging_service_cases SET UNLOGGED;
--> statement-breakpoint
ALTER TABLE staging_activities SET UNLOGGED;
--> statement-breakpoint
-- The merge sorts a batch to keep the last row of each natural key: give that sort memory.
ALTER FUNCTION ingest_merge(uuid) SET work_mem = '256MB';
