CREATE TABLE "lead_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"source" text NOT NULL,
	"source_number" text,
	"received_date" date NOT NULL,
	"party_name" text NOT NULL,
	"description" text NOT NULL,
	"complainant_name" text,
	"complainant_phone" text,
	"complainant_id_number" text,
	"important" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'verifying' NOT NULL,
	"handler_ids" uuid[] DEFAULT '{}' NOT NULL,
	"extension_approved_by" uuid,
	"extension_reason" text,
	"due_date" date,
	"decided_date" date,
	"outcome_note" text,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_unit_source_number_uq" UNIQUE("unit_id","source","source_number")
);
--> statement-breakpoint
ALTER TABLE "lead_pauses" ADD CONSTRAINT "lead_pauses_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_pauses_lead_idx" ON "lead_pauses" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "leads_campaign_received_idx" ON "leads" USING btree ("campaign_id","received_date");--> statement-breakpoint
CREATE INDEX "leads_unit_idx" ON "leads" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "leads_due_idx" ON "leads" USING btree ("due_date");