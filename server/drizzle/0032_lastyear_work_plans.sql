CREATE TABLE "unit_work_plan_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_plan_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_work_plan_files_plan_uq" UNIQUE("work_plan_id")
);
--> statement-breakpoint
CREATE TABLE "unit_work_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_work_plans_unit_uq" UNIQUE("campaign_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "work_plan_deadline" date;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "predecessor_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "unit_work_plan_files" ADD CONSTRAINT "unit_work_plan_files_work_plan_id_unit_work_plans_id_fk" FOREIGN KEY ("work_plan_id") REFERENCES "public"."unit_work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_work_plans" ADD CONSTRAINT "unit_work_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_work_plans" ADD CONSTRAINT "unit_work_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_work_plans" ADD CONSTRAINT "unit_work_plans_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_work_plans" ADD CONSTRAINT "unit_work_plans_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_work_plans_unit_idx" ON "unit_work_plans" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_predecessor_campaign_id_campaigns_id_fk" FOREIGN KEY ("predecessor_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;