CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
