DROP INDEX "cases_unit_filing_idx";--> statement-breakpoint
DROP INDEX "leads_unit_received_idx";--> statement-breakpoint
CREATE INDEX "cases_unit_filing_idx" ON "cases" USING btree ("unit_id","filing_date","created_at","id","campaign_id","stage","decision_due_date");--> statement-breakpoint
CREATE INDEX "leads_unit_received_idx" ON "leads" USING btree ("unit_id","received_date","created_at","id","campaign_id","due_date");