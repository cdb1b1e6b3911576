-- The ledger read from its indexes alone (issue 22).
--
-- 1. Each case carries its branch (所属下一级单位): the unit one level below the top of the tree whose
-- subtree holds its handling unit, so a wide subtree's ledger (a province's in the nation's tree)
-- reads its own entries of cases_branch_filing_idx, newest first, instead of walking the whole
-- ledger's order. The database keeps it: on every insert and change of a case's unit, and for a
-- unit's cases when the unit's path changes (a move); the application never writes it.
--
-- 2. The ledger's order indexes carry the columns every ledger condition tests, so a page's walk and
-- a count read no table page but the page's own rows.
--
-- 3. The index of the due date alone goes: cases_due_order_idx starts with the same column.
--
-- The old order indexes go first, so that filling in the branches does not update them.
DROP INDEX "cases_decision_due_idx";--> statement-breakpoint
DROP INDEX "cases_ledger_order_idx";--> statement-breakpoint
DROP INDEX "cases_stage_order_idx";--> statement-breakpoint
DROP INDEX "cases_category_order_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "branch_unit_id" uuid;--> statement-breakpoint
-- The second id on a materialised path "/<top>/<branch>/…/": null for the top unit itself.
CREATE OR REPLACE FUNCTION rs_branch_of_path(path text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT nullif(split_part(path, '/', 3), '')::uuid
$$;
--> statement-breakpoint
UPDATE "cases" c SET "branch_unit_id" = rs_branch_of_path(u.path) FROM "units" u WHERE u.id = c.unit_id;
--> statement-breakpoint
CREATE INDEX "cases_branch_filing_idx" ON "cases" USING btree ("branch_unit_id","filing_date","created_at","id","unit_id","campaign_id","stage","decision_due_date","category_code");--> statement-breakpoint
CREATE INDEX "cases_ledger_order_idx" ON "cases" USING btree ("filing_date","created_at","id","unit_id","campaign_id","stage","decision_due_date","category_code");--> statement-breakpoint
CREATE INDEX "cases_stage_order_idx" ON "cases" USING btree ("stage","filing_date","created_at","id","unit_id","campaign_id","decision_due_date","category_code");--> statement-breakpoint
CREATE INDEX "cases_category_order_idx" ON "cases" USING btree ("category_code","filing_date","created_at","id","unit_id","campaign_id","stage","decision_due_date");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rs_case_branch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.branch_unit_id := (SELECT rs_branch_of_path(path) FROM units WHERE id = NEW.unit_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Also on an update that names branch_unit_id itself: whatever was written, the unit's branch is kept.
CREATE TRIGGER cases_branch BEFORE INSERT OR UPDATE OF unit_id, branch_unit_id ON cases FOR EACH ROW EXECUTE FUNCTION rs_case_branch();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rs_unit_cases_branch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET branch_unit_id = rs_branch_of_path(NEW.path)
   WHERE unit_id = NEW.id AND branch_unit_id IS DISTINCT FROM rs_branch_of_path(NEW.path);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_cases_branch AFTER UPDATE OF path ON units FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION rs_unit_cases_branch();
