CREATE TABLE "import_progress" (
	"token" text PRIMARY KEY NOT NULL,
	"rows_read" integer NOT NULL,
	"finished" boolean NOT NULL,
	"touched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "import_progress_touched_idx" ON "import_progress" USING btree ("touched_at");