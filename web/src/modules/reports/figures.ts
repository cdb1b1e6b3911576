import type { MessageKey } from '../../locales/i18n';
import type { ReportState, StatsRow, TableRow } from './api';

/** Annex 2 of seed 004: the default table of the statistics tab. */
export const ANNEX2_TEMPLATE = 'tiequan-annex2';

/**
 * The days a figure entered by hand from a report may bear: inside the report's period and not
 * after today (the server refuses a later day), the latest of them offered first.
 */
export function entryDays(period: { periodStart: string; periodEnd: string }, today: string) {
  const last = period.periodEnd < today ? period.periodEnd : today;
  return {
    initial: last < period.periodStart ? period.periodStart : last,
    allowed: (day: string) => day >= period.periodStart && day <= last,
  };
}

/** A report's rows (values) as table rows (cells). */
export const asTableRows = (rows: StatsRow[]): TableRow[] =>
  rows.map((r) => ({
    category: r.category,
    label: r.label,
    subLabel: r.subLabel,
    cells: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, String(v)])),
  }));

/**
 * 元 as the API sends it ("12345.67") to 万元 as the tables print it, rounded half up to `digits`
 * decimals, computed on whole fen (no floating point): "12345.67" → "1.23".
 */
export function yuanToWan(yuan: string, digits = 2): string {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return yuan;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  const scale = 10n ** BigInt(6 - digits); // 1 万元 = 1,000,000 fen
  const rounded = (fen + scale / 2n) / scale;
  const whole = rounded / 10n ** BigInt(digits);
  const frac = (rounded % 10n ** BigInt(digits)).toString().padStart(digits, '0');
  const sign = m[1] && rounded !== 0n ? '-' : '';
  return digits ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** The colour of a report's state on the board: green on time, gold late, red missing, blue returned. */
const STATE_COLORS: Record<ReportState, string> = {
  open: 'default',
  missing: 'red',
  submitted: 'green',
  returned: 'blue',
  accepted: 'green',
};
const sentLate = (state: ReportState, late: boolean) => late && (state === 'submitted' || state === 'accepted');
export const stateColor = (state: ReportState, late: boolean) => (sentLate(state, late) ? 'gold' : STATE_COLORS[state]);

/** A state as the board names it: a submitted or accepted report says whether it came late. */
export function stateKey(state: ReportState, late: boolean): MessageKey {
  return (sentLate(state, late) ? `reports.state.${state}Late` : `reports.state.${state}`) as MessageKey;
}

/** 2026-05 from a date; the months of a campaign from its start to today (or its end), newest first. */
export function campaignMonths(startDate: string, endDate: string, today: string): string[] {
  const last = (today < endDate ? today : endDate).slice(0, 7);
  const out: string[] = [];
  for (let m = startDate.slice(0, 7); m <= last;) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out.reverse();
}
