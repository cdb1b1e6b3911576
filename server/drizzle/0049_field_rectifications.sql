ALTER TABLE "supervision_findings" ALTER COLUMN "visit_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_findings" ALTER COLUMN "campaign_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "random_draw_items" ADD COLUMN "lead_id" uuid;--> statement-breakpoint
ALTER TABLE "rectification_attachments" ADD COLUMN "taken_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rectification_attachments" ADD COLUMN "taken_latitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "rectification_attachments" ADD COLUMN "taken_longitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD COLUMN "draw_item_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD COLUMN "entity_id" uuid;--> statement-breakpoint
ALTER TABLE "random_draw_items" ADD CONSTRAINT "random_draw_items_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_draw_item_id_random_draw_items_id_fk" FOREIGN KEY ("draw_item_id") REFERENCES "public"."random_draw_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_entity_id_market_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."market_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_findings_inspection_idx" ON "supervision_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "supervision_findings_draw_item_idx" ON "supervision_findings" USING btree ("draw_item_id");--> statement-breakpoint
CREATE INDEX "supervision_findings_entity_idx" ON "supervision_findings" USING btree ("entity_id");--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_one_source" CHECK (num_nonnulls("supervision_findings"."visit_id", "supervision_findings"."inspection_id", "supervision_findings"."draw_item_id") = 1 and ("supervision_findings"."visit_id" is null) = ("supervision_findings"."entity_id" is not null) and ("supervision_findings"."draw_item_id" is not null or "supervision_findings"."campaign_id" is not null));