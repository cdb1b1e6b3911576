CREATE TABLE "case_clock_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"days" integer,
	"from_date" date,
	"to_date" date,
	"reason" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_stage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"case_number" text NOT NULL,
	"name" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"party_credit_code" text,
	"licence_info" text,
	"chain_stage" text,
	"other_provinces" text,
	"stage" text DEFAULT 'filed' NOT NULL,
	"filing_date" date NOT NULL,
	"decision_date" date,
	"decision_due_date" date,
	"closing_date" date,
	"amount_involved_fen" bigint DEFAULT 0 NOT NULL,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"confiscated_fen" bigint DEFAULT 0 NOT NULL,
	"losses_recovered_fen" bigint DEFAULT 0 NOT NULL,
	"mediated" boolean DEFAULT false NOT NULL,
	"compensation_fen" bigint DEFAULT 0 NOT NULL,
	"penalized" boolean DEFAULT false NOT NULL,
	"penalty_content" text,
	"other_measures" text[] DEFAULT '{}' NOT NULL,
	"transferred_to_judiciary" boolean DEFAULT false NOT NULL,
	"judiciary_transfer_date" date,
	"transferred_to_police" boolean DEFAULT false NOT NULL,
	"police_transfer_date" date,
	"notified_to" text,
	"notification_date" date,
	"summary" text,
	"published" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"online" boolean DEFAULT false NOT NULL,
	"rural" boolean DEFAULT false NOT NULL,
	"supervision_level" text,
	"supervising_unit_id" uuid,
	"supervision_deadline" date,
	"typical" boolean DEFAULT false NOT NULL,
	"origin_lead_id" uuid,
	"filing_approver_id" uuid,
	"investigator_id" uuid,
	"reviewer_id" uuid,
	"executor_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_unit_number_uq" UNIQUE("unit_id","case_number")
);
--> statement-breakpoint
ALTER TABLE "case_clock_events" ADD CONSTRAINT "case_clock_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_events" ADD CONSTRAINT "case_stage_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_supervising_unit_id_units_id_fk" FOREIGN KEY ("supervising_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_filing_approver_id_users_id_fk" FOREIGN KEY ("filing_approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_investigator_id_users_id_fk" FOREIGN KEY ("investigator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_executor_id_users_id_fk" FOREIGN KEY ("executor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_clock_events_case_idx" ON "case_clock_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_stage_events_case_idx" ON "case_stage_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_campaign_filing_idx" ON "cases" USING btree ("campaign_id","filing_date");--> statement-breakpoint
CREATE INDEX "cases_unit_filing_idx" ON "cases" USING btree ("unit_id","filing_date");--> statement-breakpoint
CREATE INDEX "cases_decision_due_idx" ON "cases" USING btree ("decision_due_date");