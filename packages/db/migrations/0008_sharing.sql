CREATE TYPE "public"."agreement_status" AS ENUM('requested', 'active', 'declined', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."sharing_level" AS ENUM('customer', 'aggregate');--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"reader_firm_id" uuid NOT NULL,
	"reader_user_id" uuid,
	"reader_api_key_id" uuid,
	"dataset" "dataset" NOT NULL,
	"level" "sharing_level" NOT NULL,
	"purpose" text NOT NULL,
	"reading" text NOT NULL,
	"row_count" integer,
	"group_count" integer
);
--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"grantee_firm_id" uuid,
	"dataset" "dataset" NOT NULL,
	"level" "sharing_level" NOT NULL,
	"min_group_size" integer DEFAULT 50 NOT NULL,
	"purpose" text NOT NULL,
	"starts_on" date DEFAULT now() NOT NULL,
	"ends_on" date,
	"status" "agreement_status" NOT NULL,
	"requested_by_user_id" uuid,
	"decided_by_user_id" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sharing_agreements_k" CHECK ("sharing_agreements"."min_group_size" >= 2),
	CONSTRAINT "sharing_agreements_dates" CHECK ("sharing_agreements"."ends_on" IS NULL OR "sharing_agreements"."ends_on" >= "sharing_agreements"."starts_on"),
	CONSTRAINT "sharing_agreements_not_self" CHECK ("sharing_agreements"."grantee_firm_id" IS DISTINCT FROM "sharing_agreements"."owner_firm_id")
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_owner_firm_id_firms_id_fk" FOREIGN KEY ("owner_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_reader_firm_id_firms_id_fk" FOREIGN KEY ("reader_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_reader_user_id_users_id_fk" FOREIGN KEY ("reader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_reader_api_key_id_api_keys_id_fk" FOREIGN KEY ("reader_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_owner_firm_id_firms_id_fk" FOREIGN KEY ("owner_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_grantee_firm_id_firms_id_fk" FOREIGN KEY ("grantee_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_owner_firm_id_at_index" ON "access_log" USING btree ("owner_firm_id","at");--> statement-breakpoint
CREATE INDEX "access_log_reader_firm_id_at_index" ON "access_log" USING btree ("reader_firm_id","at");--> statement-breakpoint
CREATE INDEX "sharing_agreements_network_id_owner_firm_id_dataset_index" ON "sharing_agreements" USING btree ("network_id","owner_firm_id","dataset");--> statement-breakpoint
CREATE INDEX "sharing_agreements_network_id_grantee_firm_id_index" ON "sharing_agreements" USING btree ("network_id","grantee_firm_id");