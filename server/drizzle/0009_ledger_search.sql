CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "cases_party_name_trgm_idx" ON "cases" USING gin ("party_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_name_trgm_idx" ON "cases" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_case_number_trgm_idx" ON "cases" USING gin ("case_number" gin_trgm_ops);