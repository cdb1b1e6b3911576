CREATE TABLE "inspection_seizures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"goods" text NOT NULL,
	"quantity" numeric(16, 3) NOT NULL,
	"unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"inspection_date" date NOT NULL,
	"staff_deployed" integer NOT NULL,
	"vehicles" integer DEFAULT 0 NOT NULL,
	"entities_inspected" integer NOT NULL,
	"places" text[] DEFAULT '{}' NOT NULL,
	"focus_area" text,
	"unlicensed_banned" integer DEFAULT 0 NOT NULL,
	"rapid_test_batches" integer DEFAULT 0 NOT NULL,
	"rapid_test_items" integer DEFAULT 0 NOT NULL,
	"rapid_test_failed" integer DEFAULT 0 NOT NULL,
	"sampling_batches" integer DEFAULT 0 NOT NULL,
	"sampling_items" integer DEFAULT 0 NOT NULL,
	"sampling_failed" integer DEFAULT 0 NOT NULL,
	"rectification_orders" integer DEFAULT 0 NOT NULL,
	"findings" text,
	"inspector_ids" uuid[] DEFAULT '{}' NOT NULL,
	"lead_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_seizures" ADD CONSTRAINT "inspection_seizures_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_seizures_inspection_idx" ON "inspection_seizures" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspections_campaign_date_idx" ON "inspections" USING btree ("campaign_id","inspection_date");--> statement-breakpoint
CREATE INDEX "inspections_unit_date_idx" ON "inspections" USING btree ("unit_id","inspection_date");