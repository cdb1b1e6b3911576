CREATE TABLE "kpi_manual_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kpi_index" integer NOT NULL,
	"kpi_name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_label" text NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer NOT NULL,
	"reason" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_manual_figures" ADD CONSTRAINT "kpi_manual_figures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_manual_figures" ADD CONSTRAINT "kpi_manual_figures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_manual_figures" ADD CONSTRAINT "kpi_manual_figures_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_manual_figures_key_uq" ON "kpi_manual_figures" USING btree ("campaign_id","kpi_index","unit_id","period_label");--> statement-breakpoint
CREATE INDEX "kpi_manual_figures_unit_idx" ON "kpi_manual_figures" USING btree ("unit_id");