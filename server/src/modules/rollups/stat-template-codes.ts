/**
 * The codes of the built-in statistics tables (stat-templates.ts), with nothing imported, so a
 * plan's rules can name them (a report schedule's 统计表, reportSchedules[].statTemplate) without
 * loading the metrics and the tables behind them.
 */
export const STAT_TEMPLATE_CODES = ['tiequan-annex2', 'festival-weekly', 'monthly-work'] as const;
export type StatTemplateCode = (typeof STAT_TEMPLATE_CODES)[number];

/** Annex 2 of seed 004, the table of a schedule that names none (and of every report before forms existed). */
export const ANNEX2_CODE: StatTemplateCode = 'tiequan-annex2';

export const isStatTemplateCode = (code: string): code is StatTemplateCode =>
  (STAT_TEMPLATE_CODES as readonly string[]).includes(code);
