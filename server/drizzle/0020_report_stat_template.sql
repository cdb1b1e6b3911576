ALTER TABLE "report_submissions" ADD COLUMN "stat_template" text;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD COLUMN "stat_columns" jsonb;