CREATE TYPE "public"."feature_snapshot_status" AS ENUM('computing', 'complete', 'failed');--> statement-breakpoint
CREATE TABLE "cost_models" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"rates" jsonb NOT NULL,
	"clv_margin" double precision,
	"annual_discount_rate" double precision DEFAULT 0.1 NOT NULL,
	"net_margin_pct_threshold" double precision,
	"cost_to_serve_threshold" double precision,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_models_network_id_firm_id_pk" PRIMARY KEY("network_id","firm_id")
);
--> statement-breakpoint
CREATE TABLE "customer_features" (
	"network_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"recency_days" integer NOT NULL,
	"frequency" integer NOT NULL,
	"monetary" numeric(20, 6) NOT NULL,
	"rfm_r" smallint NOT NULL,
	"rfm_f" smallint NOT NULL,
	"rfm_m" smallint NOT NULL,
	"rfm_segment" text NOT NULL,
	"expected_purchases_12m" double precision,
	"p_alive" double precision,
	"clv_12m" double precision,
	"clv_percentile" double precision,
	"net_revenue" numeric(20, 6) NOT NULL,
	"cost_of_goods" numeric(20, 6) NOT NULL,
	"cost_to_serve" numeric(20, 6) NOT NULL,
	"profit" numeric(20, 6) NOT NULL,
	"net_margin_pct" double precision,
	"profit_percentile" double precision NOT NULL,
	"quadrant" text,
	"segment" text,
	"channels" smallint NOT NULL,
	"wallet_shares" jsonb NOT NULL,
	CONSTRAINT "customer_features_network_id_snapshot_id_customer_key_pk" PRIMARY KEY("network_id","snapshot_id","customer_key")
);
--> statement-breakpoint
CREATE TABLE "feature_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"status" "feature_snapshot_status" DEFAULT 'computing' NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	"models" jsonb,
	"settings" jsonb,
	"whale_curve" jsonb,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "segment_alignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"snapshot_id" uuid,
	"as_of" date NOT NULL,
	"scheme_version" integer NOT NULL,
	"labelled" integer NOT NULL,
	"compared" integer NOT NULL,
	"agreement_rate" double precision,
	"kappa" double precision,
	"adjusted_rand" double precision,
	"matrix" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_label_mappings" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"label" text NOT NULL,
	"segment" text NOT NULL,
	CONSTRAINT "segment_label_mappings_network_id_firm_id_label_pk" PRIMARY KEY("network_id","firm_id","label")
);
--> statement-breakpoint
CREATE TABLE "segment_labels" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"label" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_labels_network_id_firm_id_customer_key_pk" PRIMARY KEY("network_id","firm_id","customer_key")
);
--> statement-breakpoint
CREATE TABLE "segmentation_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"segments" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_by_firm_id" uuid NOT NULL,
	"published_by_user_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insights" ADD COLUMN "segment" text;--> statement-breakpoint
ALTER TABLE "cost_models" ADD CONSTRAINT "cost_models_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_models" ADD CONSTRAINT "cost_models_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_models" ADD CONSTRAINT "cost_models_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_features" ADD CONSTRAINT "customer_features_snapshot_id_feature_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."feature_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_snapshots" ADD CONSTRAINT "feature_snapshots_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_snapshots" ADD CONSTRAINT "feature_snapshots_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_alignments" ADD CONSTRAINT "segment_alignments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_alignments" ADD CONSTRAINT "segment_alignments_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_alignments" ADD CONSTRAINT "segment_alignments_snapshot_id_feature_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."feature_snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_label_mappings" ADD CONSTRAINT "segment_label_mappings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_label_mappings" ADD CONSTRAINT "segment_label_mappings_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_labels" ADD CONSTRAINT "segment_labels_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_labels" ADD CONSTRAINT "segment_labels_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segmentation_schemes" ADD CONSTRAINT "segmentation_schemes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segmentation_schemes" ADD CONSTRAINT "segmentation_schemes_published_by_firm_id_firms_id_fk" FOREIGN KEY ("published_by_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segmentation_schemes" ADD CONSTRAINT "segmentation_schemes_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feature_snapshots_network_id_firm_id_finished_at_index" ON "feature_snapshots" USING btree ("network_id","firm_id","finished_at");--> statement-breakpoint
CREATE INDEX "segment_alignments_network_id_firm_id_computed_at_index" ON "segment_alignments" USING btree ("network_id","firm_id","computed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "segmentation_schemes_version" ON "segmentation_schemes" USING btree ("network_id","version");