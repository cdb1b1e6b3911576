CREATE TABLE "credit_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_kind" text NOT NULL,
	"entity_name" text NOT NULL,
	"credit_code" text,
	"market_entity_id" uuid,
	"case_id" uuid,
	"abnormal_reason" text,
	"reason_text" text,
	"basis" text,
	"decision_number" text NOT NULL,
	"listed_date" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"removed_date" date,
	"removal_kind" text,
	"removal_basis" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"published_date" date NOT NULL,
	"channel" text NOT NULL,
	"reference" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_listings" ADD CONSTRAINT "credit_listings_market_entity_id_market_entities_id_fk" FOREIGN KEY ("market_entity_id") REFERENCES "public"."market_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_listings" ADD CONSTRAINT "credit_listings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_listings" ADD CONSTRAINT "credit_listings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_listings_kind_order_idx" ON "credit_listings" USING btree ("list_kind","listed_date","created_at");--> statement-breakpoint
CREATE INDEX "credit_listings_unit_idx" ON "credit_listings" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_publications_case_uq" ON "penalty_publications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_penalty_decision_idx" ON "cases" USING btree ("decision_date","created_at") WHERE "cases"."penalized" and "cases"."decision_date" is not null;