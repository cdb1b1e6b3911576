CREATE TABLE "inspection_frequency_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"industry" text,
	"entity_kind" text,
	"min_count" integer NOT NULL,
	"period" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_frequency_rules" ADD CONSTRAINT "inspection_frequency_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_frequency_rules_unit_idx" ON "inspection_frequency_rules" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "cases_party_credit_code_idx" ON "cases" USING btree ("party_credit_code");--> statement-breakpoint
CREATE INDEX "credit_listings_entity_idx" ON "credit_listings" USING btree ("market_entity_id");--> statement-breakpoint
CREATE INDEX "credit_listings_credit_code_idx" ON "credit_listings" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "market_entities_list_order_idx" ON "market_entities" USING btree ("name","id");