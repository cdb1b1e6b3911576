CREATE TABLE "inspection_entities" (
	"inspection_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"result" text DEFAULT 'no_problem' NOT NULL,
	"finding" text,
	CONSTRAINT "inspection_entities_inspection_id_entity_id_pk" PRIMARY KEY("inspection_id","entity_id")
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "inspection_type" text DEFAULT 'special' NOT NULL;--> statement-breakpoint
ALTER TABLE "market_entities" ADD COLUMN "entity_kind" text DEFAULT 'enterprise' NOT NULL;--> statement-breakpoint
ALTER TABLE "market_entities" ADD COLUMN "operator_name" text;--> statement-breakpoint
ALTER TABLE "market_entities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_entities" ADD CONSTRAINT "inspection_entities_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_entities" ADD CONSTRAINT "inspection_entities_entity_id_market_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."market_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_entities_entity_idx" ON "inspection_entities" USING btree ("entity_id");