CREATE TABLE "criminal_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text NOT NULL,
	"min_amount_fen" bigint NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criminal_thresholds_category_uq" UNIQUE("category_code")
);
--> statement-breakpoint
CREATE TABLE "transfer_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"reply_date" date NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"case_id" uuid,
	"lead_id" uuid,
	"receiver_kind" text NOT NULL,
	"receiver_name" text NOT NULL,
	"transfer_date" date NOT NULL,
	"document_number" text,
	"reason" text DEFAULT '' NOT NULL,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"reply_due_date" date NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_one_subject_ck" CHECK (("transfers"."case_id" is null) <> ("transfers"."lead_id" is null))
);
--> statement-breakpoint
ALTER TABLE "transfer_replies" ADD CONSTRAINT "transfer_replies_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfer_replies_transfer_idx" ON "transfer_replies" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "transfers_case_idx" ON "transfers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "transfers_lead_idx" ON "transfers" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "transfers_list_order_idx" ON "transfers" USING btree ("unit_id","transfer_date");--> statement-breakpoint
CREATE INDEX "transfers_waiting_idx" ON "transfers" USING btree ("status","reply_due_date");