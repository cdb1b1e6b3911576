-- The roll-ups' primary keys carry every figure column (INCLUDE), so a read of a unit's days is an
-- index-only scan along the key: a few leaf pages, where the heap holds each of those rows on a page
-- of its own (rows are created as records arrive, day by day for every unit). On the national
-- benchmark a sum over the units below the root read one heap page per row. Drizzle's schema does not
-- model INCLUDE; test/rollup-keys.test.ts checks that every figure column is in these keys.
-- A new figure column must be added here too (a migration like this one), or its reads leave the index.
ALTER TABLE "rollup_daily" DROP CONSTRAINT "rollup_daily_campaign_id_unit_id_day_category_code_pk";--> statement-breakpoint
ALTER TABLE "rollup_daily" ADD CONSTRAINT "rollup_daily_campaign_id_unit_id_day_category_code_pk"
  PRIMARY KEY ("campaign_id", "unit_id", "day", "category_code")
  INCLUDE ("cases_filed", "cases_closed", "amount_involved_fen", "fine_fen", "confiscated_fen", "losses_recovered_fen", "transferred_to_judiciary", "online_cases", "rural_cases", "outings", "staff_deployed", "vehicles", "entities_inspected", "decision_clocks_due", "verification_clocks_due");--> statement-breakpoint
ALTER TABLE "rollup_monthly" DROP CONSTRAINT "rollup_monthly_campaign_id_unit_id_month_category_code_pk";--> statement-breakpoint
ALTER TABLE "rollup_monthly" ADD CONSTRAINT "rollup_monthly_campaign_id_unit_id_month_category_code_pk"
  PRIMARY KEY ("campaign_id", "unit_id", "month", "category_code")
  INCLUDE ("cases_filed", "cases_closed", "amount_involved_fen", "fine_fen", "confiscated_fen", "losses_recovered_fen", "transferred_to_judiciary", "online_cases", "rural_cases", "outings", "staff_deployed", "vehicles", "entities_inspected", "decision_clocks_due", "verification_clocks_due");
