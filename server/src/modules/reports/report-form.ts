import type { ReportSchedule } from '../campaigns/campaign-plan.types';
import { ANNEX2_CODE } from '../rollups/stat-template-codes';
import { isMoney, templateByCode, type StatTemplate } from '../rollups/stat-templates';
import type { FiguresSnapshot, FormColumnSnapshot, ReportSubmissionRow } from './reports.schema';

/**
 * The form (统计表) a report carries: the template its schedule names (annex 2 when it names none),
 * with the columns as the API shows them. A submitted report keeps the form it was sent with: its
 * code and its columns are stored beside the frozen rows (report_submissions.stat_template and
 * stat_columns), so a later change of a template's columns cannot misread an old snapshot. A
 * snapshot from before forms (stat_template null) is annex 2, read with annex 2's columns.
 */
export interface ReportForm {
  code: string;
  name: string;
  columns: FormColumnSnapshot[];
}

export const formColumns = (t: StatTemplate): FormColumnSnapshot[] =>
  t.columns.map((c) => ({ key: c.key, name: c.name, unit: c.unit, money: isMoney(c), kind: c.source.kind }));

const formOfTemplate = (t: StatTemplate): ReportForm => ({ code: t.code, name: t.name, columns: formColumns(t) });

/** The form a schedule's reports carry now (a code the plan rules did not know falls back to annex 2). */
export const scheduleForm = (schedule: Pick<ReportSchedule, 'statTemplate'> | undefined): ReportForm =>
  formOfTemplate(templateByCode(schedule?.statTemplate) ?? templateByCode(ANNEX2_CODE)!);

/** The form a submission was frozen with. */
export function snapshotForm(s: Pick<ReportSubmissionRow, 'statTemplate' | 'statColumns'>): ReportForm {
  if (!s.statTemplate || !s.statColumns) return scheduleForm(undefined);
  return { code: s.statTemplate, name: templateByCode(s.statTemplate)?.name ?? s.statTemplate, columns: s.statColumns };
}

/** A table of the stat-tables service (cells) as a report's rows (values). */
export const tableAsFigures = (
  rows: { category: string; label: string; subLabel: string | null; cells: Record<string, string> }[],
): FiguresSnapshot => rows.map(({ cells, ...r }) => ({ ...r, values: cells }));
