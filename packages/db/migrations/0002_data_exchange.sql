CREATE TYPE "public"."batch_status" AS ENUM('receiving', 'received', 'validating', 'loading', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sales_channel" AS ENUM('store', 'web', 'mobile', 'phone', 'marketplace', 'other');--> statement-breakpoint
CREATE TYPE "public"."dataset" AS ENUM('transactions', 'shipments', 'service_cases', 'activities');--> statement-breakpoint
CREATE TYPE "public"."feed_format" AS ENUM('csv', 'ndjson');--> statement-breakpoint
CREATE TYPE "public"."on_error_mode" AS ENUM('skip', 'reject');--> statement-breakpoint
CREATE TABLE "activities" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activity" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	CONSTRAINT "activities_network_id_firm_id_customer_key_activity_occurred_at_pk" PRIMARY KEY("network_id","firm_id","customer_key","activity","occurred_at")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"datasets" "dataset"[] NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "batch_errors" (
	"batch_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"column" text NOT NULL,
	"value" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	CONSTRAINT "batch_errors_batch_id_row_number_column_pk" PRIMARY KEY("batch_id","row_number","column")
);
--> statement-breakpoint
CREATE TABLE "feed_batch_chunks" (
	"batch_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"firm_id" uuid NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "feed_batch_chunks_batch_id_seq_pk" PRIMARY KEY("batch_id","seq")
);
--> statement-breakpoint
CREATE TABLE "feed_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"dataset" "dataset" NOT NULL,
	"format" "feed_format" NOT NULL,
	"compressed" boolean NOT NULL,
	"idempotency_key" text NOT NULL,
	"body_sha256" text,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"status" "batch_status" DEFAULT 'receiving' NOT NULL,
	"on_error" "on_error_mode" NOT NULL,
	"ignore_unknown" boolean NOT NULL,
	"rows_received" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"submitted_by_user_id" uuid,
	"submitted_by_api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_cases" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"channel" "sales_channel" NOT NULL,
	"category" text NOT NULL,
	"satisfaction" smallint,
	CONSTRAINT "service_cases_network_id_firm_id_case_id_pk" PRIMARY KEY("network_id","firm_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shipment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"carrier" text NOT NULL,
	"promised_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"expedited" boolean NOT NULL,
	"cost_amount" numeric(20, 6) NOT NULL,
	"currency" char(3),
	CONSTRAINT "shipments_network_id_firm_id_shipment_id_pk" PRIMARY KEY("network_id","firm_id","shipment_id")
);
--> statement-breakpoint
CREATE TABLE "staging_activities" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"customer_key" char(64) NOT NULL,
	"activity" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"quantity" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staging_service_cases" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"customer_key" char(64) NOT NULL,
	"case_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"channel" "sales_channel" NOT NULL,
	"category" text NOT NULL,
	"satisfaction" smallint
);
--> statement-breakpoint
CREATE TABLE "staging_shipments" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"customer_key" char(64) NOT NULL,
	"shipment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"carrier" text NOT NULL,
	"promised_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"expedited" boolean NOT NULL,
	"cost_amount" numeric NOT NULL,
	"currency" char(3)
);
--> statement-breakpoint
CREATE TABLE "staging_transactions" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"customer_key" char(64) NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"sku" text NOT NULL,
	"quantity" numeric NOT NULL,
	"net_amount" numeric NOT NULL,
	"cost_amount" numeric,
	"currency" char(3) NOT NULL,
	"channel" "sales_channel" NOT NULL,
	"location_id" text
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"sku" text NOT NULL,
	"quantity" numeric(20, 6) NOT NULL,
	"net_amount" numeric(20, 6) NOT NULL,
	"cost_amount" numeric(20, 6),
	"currency" char(3) NOT NULL,
	"channel" "sales_channel" NOT NULL,
	"location_id" text,
	CONSTRAINT "transactions_network_id_firm_id_order_id_line_no_pk" PRIMARY KEY("network_id","firm_id","order_id","line_no")
);
--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "hashing_key" text DEFAULT encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'hex') NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_errors" ADD CONSTRAINT "batch_errors_batch_id_feed_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."feed_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_batch_chunks" ADD CONSTRAINT "feed_batch_chunks_batch_id_feed_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."feed_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_batches" ADD CONSTRAINT "feed_batches_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_batches" ADD CONSTRAINT "feed_batches_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_batches" ADD CONSTRAINT "feed_batches_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_batches" ADD CONSTRAINT "feed_batches_submitted_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("submitted_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_firm_id_index" ON "api_keys" USING btree ("firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_batches_idempotency" ON "feed_batches" USING btree ("firm_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "feed_batches_network_id_firm_id_created_at_index" ON "feed_batches" USING btree ("network_id","firm_id","created_at");--> statement-breakpoint
CREATE INDEX "service_cases_network_id_customer_key_index" ON "service_cases" USING btree ("network_id","customer_key");--> statement-breakpoint
CREATE INDEX "shipments_network_id_customer_key_index" ON "shipments" USING btree ("network_id","customer_key");--> statement-breakpoint
CREATE INDEX "staging_activities_batch_id_index" ON "staging_activities" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "staging_service_cases_batch_id_index" ON "staging_service_cases" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "staging_shipments_batch_id_index" ON "staging_shipments" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "staging_transactions_batch_id_index" ON "staging_transactions" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "transactions_network_id_customer_key_index" ON "transactions" USING btree ("network_id","customer_key");--> statement-breakpoint
CREATE INDEX "transactions_network_id_firm_id_occurred_at_index" ON "transactions" USING btree ("network_id","firm_id","occurred_at");