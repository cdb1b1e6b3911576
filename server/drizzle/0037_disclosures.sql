CREATE TABLE "case_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"party_display_name" text NOT NULL,
	"category_label" text NOT NULL,
	"decision_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_request_id" uuid,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumer_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"issued_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_disclosures" ADD CONSTRAINT "case_disclosures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_disclosures" ADD CONSTRAINT "case_disclosures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_disclosures" ADD CONSTRAINT "case_disclosures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_disclosures" ADD CONSTRAINT "case_disclosures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_warnings" ADD CONSTRAINT "consumer_warnings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_warnings" ADD CONSTRAINT "consumer_warnings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_disclosures_case_idx" ON "case_disclosures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_disclosures_unit_idx" ON "case_disclosures" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "case_disclosures_public_idx" ON "case_disclosures" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "consumer_warnings_unit_idx" ON "consumer_warnings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "consumer_warnings_public_idx" ON "consumer_warnings" USING btree ("status","published_at");