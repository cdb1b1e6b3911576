CREATE TABLE "rollup_monthly" (
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"month" date NOT NULL,
	"cases_filed" integer DEFAULT 0 NOT NULL,
	"cases_closed" integer DEFAULT 0 NOT NULL,
	"amount_involved_fen" bigint DEFAULT 0 NOT NULL,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"confiscated_fen" bigint DEFAULT 0 NOT NULL,
	"losses_recovered_fen" bigint DEFAULT 0 NOT NULL,
	"transferred_to_judiciary" integer DEFAULT 0 NOT NULL,
	"online_cases" integer DEFAULT 0 NOT NULL,
	"rural_cases" integer DEFAULT 0 NOT NULL,
	"outings" integer DEFAULT 0 NOT NULL,
	"staff_deployed" integer DEFAULT 0 NOT NULL,
	"vehicles" integer DEFAULT 0 NOT NULL,
	"entities_inspected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_monthly_campaign_id_unit_id_month_category_code_pk" PRIMARY KEY("campaign_id","unit_id","month","category_code")
);
--> statement-breakpoint
-- An installation with figures already: the months from the days it holds (verify-rollups checks the two agree).
INSERT INTO "rollup_monthly" ("campaign_id", "unit_id", "category_code", "month", "cases_filed", "cases_closed", "amount_involved_fen", "fine_fen", "confiscated_fen", "losses_recovered_fen", "transferred_to_judiciary", "online_cases", "rural_cases", "outings", "staff_deployed", "vehicles", "entities_inspected")
SELECT "campaign_id", "unit_id", "category_code", date_trunc('month', "day")::date, sum("cases_filed")::int, sum("cases_closed")::int, sum("amount_involved_fen")::bigint, sum("fine_fen")::bigint, sum("confiscated_fen")::bigint, sum("losses_recovered_fen")::bigint, sum("transferred_to_judiciary")::int, sum("online_cases")::int, sum("rural_cases")::int, sum("outings")::int, sum("staff_deployed")::int, sum("vehicles")::int, sum("entities_inspected")::int
  FROM "rollup_daily"
 GROUP BY "campaign_id", "unit_id", "category_code", date_trunc('month', "day");
