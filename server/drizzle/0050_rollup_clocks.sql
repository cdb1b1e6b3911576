ALTER TABLE "rollup_daily" ADD COLUMN "decision_clocks_due" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_daily" ADD COLUMN "verification_clocks_due" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_monthly" ADD COLUMN "decision_clocks_due" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_monthly" ADD COLUMN "verification_clocks_due" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The running clocks of the records already stored, counted as rollup-contributions.ts counts them
-- from now on: a case's decision clock (办案期限) and a lead's verification clock (核查期限) on the
-- day each ends, in the record's unit and every unit above it, its campaign (and each campaign a
-- case also counts toward) and every campaign above.
INSERT INTO "rollup_daily" ("campaign_id", "unit_id", "category_code", "day", "decision_clocks_due", "verification_clocks_due")
SELECT ca.id, ua.id, x.category_code, x.day, sum(x.cases)::int, sum(x.leads)::int
  FROM (
    SELECT c.unit_id, c.campaign_id, c.category_code, c.decision_due_date AS day, 1 AS cases, 0 AS leads
      FROM "cases" c WHERE c.decision_due_date IS NOT NULL
    UNION ALL
    SELECT c.unit_id, l.campaign_id, l.category_code, c.decision_due_date, 1, 0
      FROM "cases" c JOIN "case_campaigns" l ON l.case_id = c.id WHERE c.decision_due_date IS NOT NULL
    UNION ALL
    SELECT d.unit_id, d.campaign_id, d.category_code, d.due_date, 0, 1
      FROM "leads" d WHERE d.due_date IS NOT NULL
  ) x
  JOIN "units" u ON u.id = x.unit_id
  CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::uuid[]) AS ua(id)
  JOIN "campaigns" cp ON cp.id = x.campaign_id
  CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from cp.path), '/')::uuid[]) AS ca(id)
 GROUP BY ca.id, ua.id, x.category_code, x.day
ON CONFLICT ("campaign_id", "unit_id", "day", "category_code") DO UPDATE
   SET "decision_clocks_due" = excluded."decision_clocks_due",
       "verification_clocks_due" = excluded."verification_clocks_due";
--> statement-breakpoint
INSERT INTO "rollup_monthly" ("campaign_id", "unit_id", "category_code", "month", "decision_clocks_due", "verification_clocks_due")
SELECT campaign_id, unit_id, category_code, date_trunc('month', day)::date,
       sum(decision_clocks_due)::int, sum(verification_clocks_due)::int
  FROM "rollup_daily"
 WHERE decision_clocks_due <> 0 OR verification_clocks_due <> 0
 GROUP BY campaign_id, unit_id, category_code, date_trunc('month', day)
ON CONFLICT ("campaign_id", "unit_id", "month", "category_code") DO UPDATE
   SET "decision_clocks_due" = excluded."decision_clocks_due",
       "verification_clocks_due" = excluded."verification_clocks_due";
