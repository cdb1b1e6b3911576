CREATE TABLE "case_review_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"candidates" jsonb NOT NULL,
	"count" integer NOT NULL,
	"picked" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_review_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organizer_unit_id" uuid NOT NULL,
	"round_id" uuid,
	"sheet_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"files_per_unit" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_review_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"reviewer_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remarks" text,
	"total" integer,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_review_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organizer_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"recipients" text NOT NULL,
	"doc_prefix" text NOT NULL,
	"date" date NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"status" text NOT NULL,
	"year" integer,
	"number" integer,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_review_draws" ADD CONSTRAINT "case_review_draws_exercise_id_case_review_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."case_review_exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_draws" ADD CONSTRAINT "case_review_draws_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_exercises" ADD CONSTRAINT "case_review_exercises_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_exercises" ADD CONSTRAINT "case_review_exercises_organizer_unit_id_units_id_fk" FOREIGN KEY ("organizer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_exercises" ADD CONSTRAINT "case_review_exercises_round_id_supervision_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."supervision_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_exercises" ADD CONSTRAINT "case_review_exercises_sheet_id_case_review_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."case_review_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_exercises" ADD CONSTRAINT "case_review_exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_files" ADD CONSTRAINT "case_review_files_exercise_id_case_review_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."case_review_exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_files" ADD CONSTRAINT "case_review_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_files" ADD CONSTRAINT "case_review_files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_files" ADD CONSTRAINT "case_review_files_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_sheets" ADD CONSTRAINT "case_review_sheets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_sheets" ADD CONSTRAINT "case_review_sheets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_bulletins" ADD CONSTRAINT "supervision_bulletins_round_id_supervision_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."supervision_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_bulletins" ADD CONSTRAINT "supervision_bulletins_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_bulletins" ADD CONSTRAINT "supervision_bulletins_organizer_unit_id_units_id_fk" FOREIGN KEY ("organizer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_bulletins" ADD CONSTRAINT "supervision_bulletins_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_bulletins" ADD CONSTRAINT "supervision_bulletins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_review_draws_exercise_uq" ON "case_review_draws" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "case_review_exercises_campaign_idx" ON "case_review_exercises" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "case_review_exercises_round_idx" ON "case_review_exercises" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_review_files_case_uq" ON "case_review_files" USING btree ("exercise_id","case_id");--> statement-breakpoint
CREATE INDEX "case_review_files_reviewer_idx" ON "case_review_files" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "case_review_files_unit_idx" ON "case_review_files" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_review_sheets_revision_uq" ON "case_review_sheets" USING btree ("unit_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_bulletins_number_uq" ON "supervision_bulletins" USING btree ("organizer_unit_id","year","number");--> statement-breakpoint
CREATE INDEX "supervision_bulletins_campaign_idx" ON "supervision_bulletins" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "supervision_bulletins_round_idx" ON "supervision_bulletins" USING btree ("round_id");