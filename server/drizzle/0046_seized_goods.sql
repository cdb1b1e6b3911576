CREATE TABLE "seized_goods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"goods" text NOT NULL,
	"measure" text NOT NULL,
	"quantity" numeric(16, 3) NOT NULL,
	"quantity_unit" text NOT NULL,
	"description" text,
	"place" text NOT NULL,
	"custodian_id" uuid NOT NULL,
	"custodian_name" text NOT NULL,
	"seized_date" date NOT NULL,
	"inspection_id" uuid,
	"inspection_seizure_id" uuid,
	"case_id" uuid,
	"entity_id" uuid,
	"owner_name" text,
	"note" text,
	"disposed_quantity" numeric(16, 3) DEFAULT '0' NOT NULL,
	"confiscated_quantity" numeric(16, 3) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'in_custody' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seized_goods_inspection_seizure_uq" UNIQUE("inspection_seizure_id")
);
--> statement-breakpoint
CREATE TABLE "seized_goods_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seized_goods_id" uuid NOT NULL,
	"disposal_id" uuid,
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
CREATE TABLE "seized_goods_disposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seized_goods_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"disposal_date" date NOT NULL,
	"quantity" numeric(16, 3) NOT NULL,
	"method" text,
	"witnesses" text[] DEFAULT '{}' NOT NULL,
	"recipient" text,
	"basis" text,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seized_goods" ADD CONSTRAINT "seized_goods_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods" ADD CONSTRAINT "seized_goods_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods" ADD CONSTRAINT "seized_goods_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods" ADD CONSTRAINT "seized_goods_inspection_seizure_id_inspection_seizures_id_fk" FOREIGN KEY ("inspection_seizure_id") REFERENCES "public"."inspection_seizures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods" ADD CONSTRAINT "seized_goods_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods" ADD CONSTRAINT "seized_goods_entity_id_market_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."market_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods_attachments" ADD CONSTRAINT "seized_goods_attachments_seized_goods_id_seized_goods_id_fk" FOREIGN KEY ("seized_goods_id") REFERENCES "public"."seized_goods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods_attachments" ADD CONSTRAINT "seized_goods_attachments_disposal_id_seized_goods_disposals_id_fk" FOREIGN KEY ("disposal_id") REFERENCES "public"."seized_goods_disposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seized_goods_disposals" ADD CONSTRAINT "seized_goods_disposals_seized_goods_id_seized_goods_id_fk" FOREIGN KEY ("seized_goods_id") REFERENCES "public"."seized_goods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seized_goods_list_order_idx" ON "seized_goods" USING btree ("seized_date","created_at");--> statement-breakpoint
CREATE INDEX "seized_goods_unit_date_idx" ON "seized_goods" USING btree ("unit_id","seized_date");--> statement-breakpoint
CREATE INDEX "seized_goods_campaign_idx" ON "seized_goods" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "seized_goods_inspection_idx" ON "seized_goods" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "seized_goods_case_idx" ON "seized_goods" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "seized_goods_entity_idx" ON "seized_goods" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "seized_goods_attachments_goods_idx" ON "seized_goods_attachments" USING btree ("seized_goods_id");--> statement-breakpoint
CREATE INDEX "seized_goods_disposals_goods_idx" ON "seized_goods_disposals" USING btree ("seized_goods_id");