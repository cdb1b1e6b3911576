CREATE TABLE "case_supervision_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"supervising_unit_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"request_reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"start_date" date,
	"level" text,
	"instruction" text,
	"deadline" date,
	"progress_interval" integer,
	"progress_interval_kind" text,
	"next_progress_due" date,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_supervision_entries" ADD CONSTRAINT "case_supervision_entries_supervision_id_case_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."case_supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervision_entries" ADD CONSTRAINT "case_supervision_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervisions" ADD CONSTRAINT "case_supervisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervisions" ADD CONSTRAINT "case_supervisions_supervising_unit_id_units_id_fk" FOREIGN KEY ("supervising_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervisions" ADD CONSTRAINT "case_supervisions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervisions" ADD CONSTRAINT "case_supervisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supervisions" ADD CONSTRAINT "case_supervisions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_supervision_entries_idx" ON "case_supervision_entries" USING btree ("supervision_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_supervisions_open_uq" ON "case_supervisions" USING btree ("case_id") WHERE "case_supervisions"."status" in ('requested', 'active');--> statement-breakpoint
CREATE INDEX "case_supervisions_supervisor_idx" ON "case_supervisions" USING btree ("supervising_unit_id","status");--> statement-breakpoint
CREATE INDEX "case_supervisions_case_idx" ON "case_supervisions" USING btree ("case_id");