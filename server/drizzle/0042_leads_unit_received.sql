DROP INDEX "leads_unit_idx";--> statement-breakpoint
CREATE INDEX "leads_unit_received_idx" ON "leads" USING btree ("unit_id","received_date");