ALTER TABLE "staging_activities" ALTER COLUMN "quantity" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "staging_shipments" ALTER COLUMN "cost_amount" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "staging_transactions" ALTER COLUMN "quantity" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "staging_transactions" ALTER COLUMN "net_amount" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "staging_transactions" ALTER COLUMN "cost_amount" SET DATA TYPE numeric(20, 6);