CREATE TABLE "task_progress_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"note_date" date NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "random_draws" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_visits" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "task_progress_notes" ADD CONSTRAINT "task_progress_notes_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress_notes" ADD CONSTRAINT "task_progress_notes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress_notes" ADD CONSTRAINT "task_progress_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_progress_notes_cell_idx" ON "task_progress_notes" USING btree ("task_id","unit_id","note_date");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_draws" ADD CONSTRAINT "random_draws_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_visits" ADD CONSTRAINT "supervision_visits_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_task_idx" ON "cases" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "inspections_task_idx" ON "inspections" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "leads_task_idx" ON "leads" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "random_draws_task_idx" ON "random_draws" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "supervision_visits_task_idx" ON "supervision_visits" USING btree ("task_id");