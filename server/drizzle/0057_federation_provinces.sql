CREATE TABLE "federation_provinces" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"parent_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"subscription" text NOT NULL,
	"base_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_provinces_subscription_unique" UNIQUE("subscription")
);
