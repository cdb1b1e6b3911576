CREATE TABLE "report_chases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"schedule_id" text NOT NULL,
	"period_end" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"chased_by" uuid NOT NULL,
	"chased_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "report_chases" ADD CONSTRAINT "report_chases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chases" ADD CONSTRAINT "report_chases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chases" ADD CONSTRAINT "report_chases_chased_by_users_id_fk" FOREIGN KEY ("chased_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_chases_period_idx" ON "report_chases" USING btree ("campaign_id","schedule_id","period_end");--> statement-breakpoint
CREATE INDEX "report_chases_unit_idx" ON "report_chases" USING btree ("unit_id");