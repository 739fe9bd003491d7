CREATE TABLE "customer_sales" (
	"network_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"customer_key" char(64) NOT NULL,
	"purchase_days" date[] NOT NULL,
	"first_day" date,
	"last_day" date,
	"purchase_amount" numeric NOT NULL,
	"first_amount" numeric NOT NULL,
	"net_amount" numeric NOT NULL,
	"cost_amount" numeric NOT NULL,
	"lines" integer NOT NULL,
	"return_lines" integer NOT NULL,
	"orders" integer NOT NULL,
	"channels" smallint NOT NULL,
	CONSTRAINT "customer_sales_network_id_firm_id_customer_key_pk" PRIMARY KEY("network_id","firm_id","customer_key")
);
--> statement-breakpoint
ALTER TABLE "feature_snapshots" ADD COLUMN "through_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "feature_snapshots" ADD COLUMN "through_batch_at" timestamp with time zone;