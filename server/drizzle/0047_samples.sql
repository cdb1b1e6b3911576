CREATE TABLE "sample_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_at" timestamp with time zone,
	"taken_latitude" numeric(9, 6),
	"taken_longitude" numeric(9, 6)
);
--> statement-breakpoint
CREATE TABLE "sample_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"measures" text[] NOT NULL,
	"demand" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"off_shelf_quantity" numeric(16, 3),
	"off_shelf_unit" text,
	"off_shelf_date" date,
	"recall_notice" text,
	"recall_date" date,
	"lead_id" uuid,
	"progress_note" text,
	"closed_by" uuid,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	"closing_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"task_id" uuid,
	"category_code" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"inspection_id" uuid,
	"product" text NOT NULL,
	"brand_spec" text,
	"batch" text,
	"sampled_date" date NOT NULL,
	"sample_kind" text DEFAULT 'supervision' NOT NULL,
	"lab" text,
	"report_number" text,
	"result_date" date,
	"result" text DEFAULT 'pending' NOT NULL,
	"failed_items" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sample_attachments" ADD CONSTRAINT "sample_attachments_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_follow_ups" ADD CONSTRAINT "sample_follow_ups_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_entity_id_market_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."market_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sample_attachments_sample_idx" ON "sample_attachments" USING btree ("sample_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_follow_ups_sample_uq" ON "sample_follow_ups" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "sample_follow_ups_status_deadline_idx" ON "sample_follow_ups" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "samples_list_order_idx" ON "samples" USING btree ("sampled_date","created_at");--> statement-breakpoint
CREATE INDEX "samples_campaign_date_idx" ON "samples" USING btree ("campaign_id","sampled_date");--> statement-breakpoint
CREATE INDEX "samples_unit_date_idx" ON "samples" USING btree ("unit_id","sampled_date");--> statement-breakpoint
CREATE INDEX "samples_entity_idx" ON "samples" USING btree ("entity_id","sampled_date");--> statement-breakpoint
CREATE INDEX "samples_task_idx" ON "samples" USING btree ("task_id");