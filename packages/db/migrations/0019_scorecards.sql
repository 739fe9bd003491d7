CREATE TYPE "public"."action_status" AS ENUM('open', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."measure_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('green', 'amber', 'red', 'missing');--> statement-breakpoint
CREATE TYPE "public"."period_kind" AS ENUM('month', 'quarter', 'year');--> statement-breakpoint
CREATE TYPE "public"."period_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."perspective" AS ENUM('financial', 'customer', 'internal_process', 'learning_growth', 'relationship');--> statement-breakpoint
CREATE TABLE "manual_measure_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"subject_firm_id" uuid,
	"value" double precision NOT NULL,
	"comment" text NOT NULL,
	"entered_by_firm_id" uuid NOT NULL,
	"entered_by_user_id" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manual_measure_values_periodId_measureId_subjectFirmId_unique" UNIQUE NULLS NOT DISTINCT("period_id","measure_id","subject_firm_id")
);
--> statement-breakpoint
CREATE TABLE "scorecard_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"created_by_firm_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"perspective" "perspective" NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"unit" text NOT NULL,
	"direction" "measure_direction" NOT NULL,
	"target" double precision NOT NULL,
	"green" double precision NOT NULL,
	"red" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scorecard_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_before" date NOT NULL,
	"status" "period_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	CONSTRAINT "scorecard_periods_scorecardId_startsOn_unique" UNIQUE("scorecard_id","starts_on")
);
--> statement-breakpoint
CREATE TABLE "scorecard_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_signoffs_periodId_firmId_version_unique" UNIQUE("period_id","firm_id","version")
);
--> statement-breakpoint
CREATE TABLE "scorecard_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"viewer_firm_id" uuid NOT NULL,
	"subject_firm_id" uuid,
	"actual" double precision,
	"previous" double precision,
	"score" double precision,
	"status" "measure_status" NOT NULL,
	"direction" "measure_direction" NOT NULL,
	"target" double precision NOT NULL,
	"green" double precision NOT NULL,
	"red" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"trace" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_values_periodId_viewerFirmId_subjectFirmId_measureId_unique" UNIQUE NULLS NOT DISTINCT("period_id","viewer_firm_id","subject_firm_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_kind" "period_kind" NOT NULL,
	"perspective_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_firm_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecards_networkId_name_unique" UNIQUE("network_id","name")
);
--> statement-breakpoint
ALTER TABLE "manual_measure_values" ADD CONSTRAINT "manual_measure_values_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measure_values" ADD CONSTRAINT "manual_measure_values_period_id_scorecard_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."scorecard_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measure_values" ADD CONSTRAINT "manual_measure_values_measure_id_scorecard_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."scorecard_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measure_values" ADD CONSTRAINT "manual_measure_values_subject_firm_id_firms_id_fk" FOREIGN KEY ("subject_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measure_values" ADD CONSTRAINT "manual_measure_values_entered_by_firm_id_firms_id_fk" FOREIGN KEY ("entered_by_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measure_values" ADD CONSTRAINT "manual_measure_values_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_period_id_scorecard_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."scorecard_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_measure_id_scorecard_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."scorecard_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_owner_firm_id_firms_id_fk" FOREIGN KEY ("owner_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_created_by_firm_id_firms_id_fk" FOREIGN KEY ("created_by_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_comments" ADD CONSTRAINT "scorecard_comments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_comments" ADD CONSTRAINT "scorecard_comments_period_id_scorecard_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."scorecard_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_comments" ADD CONSTRAINT "scorecard_comments_measure_id_scorecard_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."scorecard_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_comments" ADD CONSTRAINT "scorecard_comments_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_comments" ADD CONSTRAINT "scorecard_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_measures" ADD CONSTRAINT "scorecard_measures_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_measures" ADD CONSTRAINT "scorecard_measures_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_measures" ADD CONSTRAINT "scorecard_measures_owner_firm_id_firms_id_fk" FOREIGN KEY ("owner_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_periods" ADD CONSTRAINT "scorecard_periods_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_periods" ADD CONSTRAINT "scorecard_periods_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_periods" ADD CONSTRAINT "scorecard_periods_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_signoffs" ADD CONSTRAINT "scorecard_signoffs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_signoffs" ADD CONSTRAINT "scorecard_signoffs_period_id_scorecard_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."scorecard_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_signoffs" ADD CONSTRAINT "scorecard_signoffs_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_signoffs" ADD CONSTRAINT "scorecard_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_period_id_scorecard_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."scorecard_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_measure_id_scorecard_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."scorecard_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_viewer_firm_id_firms_id_fk" FOREIGN KEY ("viewer_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_subject_firm_id_firms_id_fk" FOREIGN KEY ("subject_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_created_by_firm_id_firms_id_fk" FOREIGN KEY ("created_by_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scorecard_actions_network_id_status_due_on_index" ON "scorecard_actions" USING btree ("network_id","status","due_on");--> statement-breakpoint
CREATE INDEX "scorecard_comments_period_id_measure_id_created_at_index" ON "scorecard_comments" USING btree ("period_id","measure_id","created_at");--> statement-breakpoint
CREATE INDEX "scorecard_measures_scorecard_id_position_index" ON "scorecard_measures" USING btree ("scorecard_id","position");