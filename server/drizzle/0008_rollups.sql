CREATE TABLE "rollup_daily" (
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"day" date NOT NULL,
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
	CONSTRAINT "rollup_daily_campaign_id_unit_id_day_category_code_pk" PRIMARY KEY("campaign_id","unit_id","day","category_code")
);
--> statement-breakpoint
CREATE INDEX "rollup_daily_unit_idx" ON "rollup_daily" USING btree ("unit_id");--> statement-breakpoint
-- Figures of the records that exist already (the same definition as rollups.repository EXPECTED).
insert into rollup_daily (campaign_id, unit_id, category_code, day, cases_filed, cases_closed, amount_involved_fen, fine_fen, confiscated_fen, losses_recovered_fen, transferred_to_judiciary, online_cases, rural_cases, outings, staff_deployed, vehicles, entities_inspected)
  with contrib as (
    select c.unit_id, c.campaign_id, c.category_code, c.filing_date as day,
           1 as cases_filed, 0 as cases_closed, c.amount_involved_fen, c.fine_fen, c.confiscated_fen, c.losses_recovered_fen,
           c.transferred_to_judiciary::int as transferred_to_judiciary, c.online::int as online_cases, c.rural::int as rural_cases,
           0 as outings, 0 as staff_deployed, 0 as vehicles, 0 as entities_inspected
      from cases c
    union all
    select c.unit_id, l.campaign_id, l.category_code, c.filing_date,
           1, 0, c.amount_involved_fen, c.fine_fen, c.confiscated_fen, c.losses_recovered_fen,
           c.transferred_to_judiciary::int, c.online::int, c.rural::int, 0, 0, 0, 0
      from cases c join case_campaigns l on l.case_id = c.id
    union all
    select c.unit_id, c.campaign_id, c.category_code, c.closing_date, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c where c.closing_date is not null
    union all
    select c.unit_id, l.campaign_id, l.category_code, c.closing_date, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c join case_campaigns l on l.case_id = c.id where c.closing_date is not null
    union all
    select i.unit_id, i.campaign_id, i.category_code, i.inspection_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, i.staff_deployed, i.vehicles, i.entities_inspected
      from inspections i
  )
  select ca.id as campaign_id, ua.id as unit_id, x.category_code, x.day,
         sum(x.cases_filed)::int as cases_filed, sum(x.cases_closed)::int as cases_closed,
         sum(x.amount_involved_fen)::bigint as amount_involved_fen, sum(x.fine_fen)::bigint as fine_fen,
         sum(x.confiscated_fen)::bigint as confiscated_fen, sum(x.losses_recovered_fen)::bigint as losses_recovered_fen,
         sum(x.transferred_to_judiciary)::int as transferred_to_judiciary, sum(x.online_cases)::int as online_cases,
         sum(x.rural_cases)::int as rural_cases, sum(x.outings)::int as outings, sum(x.staff_deployed)::int as staff_deployed,
         sum(x.vehicles)::int as vehicles, sum(x.entities_inspected)::int as entities_inspected
    from contrib x
    join units u on u.id = x.unit_id
    join units ua on u.path like ua.path || '%'
    join campaigns cp on cp.id = x.campaign_id
    join campaigns ca on cp.path like ca.path || '%'
   group by ca.id, ua.id, x.category_code, x.day;
