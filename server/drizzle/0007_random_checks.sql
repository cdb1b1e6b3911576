CREATE TABLE "entity_inspector_ties" (
	"entity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "entity_inspector_ties_entity_id_user_id_pk" PRIMARY KEY("entity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "market_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"address" text,
	"industry" text,
	"division_code" text,
	"risk_level" text DEFAULT 'low' NOT NULL,
	"licence" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_entities_credit_code_uq" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "random_draw_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"entity_id" uuid NOT NULL,
	"inspector_ids" uuid[] NOT NULL,
	"check_date" date,
	"result" text,
	"result_note" text,
	"recorded_by_name" text,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "random_draw_items_seq_uq" UNIQUE("draw_id","seq")
);
--> statement-breakpoint
CREATE TABLE "random_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"algorithm" text NOT NULL,
	"seed" text NOT NULL,
	"filters" jsonb NOT NULL,
	"size" jsonb NOT NULL,
	"candidate_ids" jsonb NOT NULL,
	"inspector_ids" jsonb NOT NULL,
	"ties" jsonb NOT NULL,
	"replaces_id" uuid,
	"replaced_by_id" uuid,
	"reason" text,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entity_inspector_ties" ADD CONSTRAINT "entity_inspector_ties_entity_id_market_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."market_entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_inspector_ties" ADD CONSTRAINT "entity_inspector_ties_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_entities" ADD CONSTRAINT "market_entities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_draw_items" ADD CONSTRAINT "random_draw_items_draw_id_random_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."random_draws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_draw_items" ADD CONSTRAINT "random_draw_items_entity_id_market_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."market_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_draws" ADD CONSTRAINT "random_draws_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_draws" ADD CONSTRAINT "random_draws_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "market_entities_unit_idx" ON "market_entities" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "random_draw_items_entity_idx" ON "random_draw_items" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "random_draw_items_published_idx" ON "random_draw_items" USING btree ("published");--> statement-breakpoint
CREATE INDEX "random_draws_unit_idx" ON "random_draws" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "random_draws_campaign_idx" ON "random_draws" USING btree ("campaign_id");