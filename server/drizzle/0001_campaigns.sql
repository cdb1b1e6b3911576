CREATE TABLE "campaign_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"sub_label" text,
	"seq" integer NOT NULL,
	"inherited" boolean DEFAULT false NOT NULL,
	CONSTRAINT "campaign_categories_code_uq" UNIQUE("campaign_id","code")
);
--> statement-breakpoint
CREATE TABLE "campaign_liaisons" (
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"office_phone" text,
	"mobile" text,
	"fax" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_liaisons_campaign_id_unit_id_kind_pk" PRIMARY KEY("campaign_id","unit_id","kind")
);
--> statement-breakpoint
CREATE TABLE "campaign_participants" (
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "campaign_participants_campaign_id_unit_id_pk" PRIMARY KEY("campaign_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_task_units" (
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "campaign_task_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"category_code" text NOT NULL,
	"focus_products" text[] NOT NULL,
	"focus_places" text[] NOT NULL,
	"focus_areas" text[] NOT NULL,
	"pending_lead_roles" text[] NOT NULL,
	"pending_cooperating_roles" text[] NOT NULL,
	"inherited_from_task_id" uuid
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"parent_campaign_id" uuid,
	"path" text NOT NULL,
	"template_key" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"doc_number" text,
	"issuing_organ" text NOT NULL,
	"issue_date" date,
	"recipients" text,
	"basis" jsonb NOT NULL,
	"goals" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"phases" jsonb NOT NULL,
	"concentrated_windows" jsonb NOT NULL,
	"kpis" jsonb NOT NULL,
	"leadership" jsonb NOT NULL,
	"office_unit_id" uuid,
	"liaison_deadline" date,
	"report_schedules" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"attachments" jsonb NOT NULL,
	"contact" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_categories" ADD CONSTRAINT "campaign_categories_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_liaisons" ADD CONSTRAINT "campaign_liaisons_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_liaisons" ADD CONSTRAINT "campaign_liaisons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_task_units" ADD CONSTRAINT "campaign_task_units_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_task_units" ADD CONSTRAINT "campaign_task_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_parent_campaign_id_campaigns_id_fk" FOREIGN KEY ("parent_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_office_unit_id_units_id_fk" FOREIGN KEY ("office_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_participants_unit_idx" ON "campaign_participants" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "campaign_tasks_campaign_idx" ON "campaign_tasks" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaigns_unit_idx" ON "campaigns" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "campaigns_parent_idx" ON "campaigns" USING btree ("parent_campaign_id");