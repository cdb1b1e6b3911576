CREATE TABLE "joint_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"task_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"departments" text[] NOT NULL,
	"department_names" text,
	"lead_department" text DEFAULT 'self' NOT NULL,
	"location" text,
	"content" text NOT NULL,
	"results" text,
	"staff_deployed" integer DEFAULT 0 NOT NULL,
	"entities_inspected" integer DEFAULT 0 NOT NULL,
	"problems_found" integer DEFAULT 0 NOT NULL,
	"cases_filed" integer DEFAULT 0 NOT NULL,
	"attendees" text,
	"decisions" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "joint_operations" ADD CONSTRAINT "joint_operations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_operations" ADD CONSTRAINT "joint_operations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_operations" ADD CONSTRAINT "joint_operations_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_operations_list_order_idx" ON "joint_operations" USING btree ("start_date","created_at");--> statement-breakpoint
CREATE INDEX "joint_operations_campaign_date_idx" ON "joint_operations" USING btree ("campaign_id","start_date");--> statement-breakpoint
CREATE INDEX "joint_operations_unit_date_idx" ON "joint_operations" USING btree ("unit_id","start_date");--> statement-breakpoint
CREATE INDEX "joint_operations_task_idx" ON "joint_operations" USING btree ("task_id");