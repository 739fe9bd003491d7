DROP INDEX "staging_activities_batch_id_index";--> statement-breakpoint
DROP INDEX "staging_service_cases_batch_id_index";--> statement-breakpoint
DROP INDEX "staging_shipments_batch_id_index";--> statement-breakpoint
DROP INDEX "staging_transactions_batch_id_index";--> statement-breakpoint
ALTER TABLE "staging_activities" DROP COLUMN "batch_id";--> statement-breakpoint
ALTER TABLE "staging_service_cases" DROP COLUMN "batch_id";--> statement-breakpoint
ALTER TABLE "staging_shipments" DROP COLUMN "batch_id";--> statement-breakpoint
ALTER TABLE "staging_transactions" DROP COLUMN "batch_id";