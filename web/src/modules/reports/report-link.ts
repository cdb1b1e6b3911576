import type { ReportKey } from './api';

/*
 * A unit's report for one period has no id of its own: its page's address carries its key
 * (/campaigns/:id/report?scheduleId=…&periodEnd=…&unitId=…). The board and the reminders write
 * it, the report page reads it back.
 */

/** The address of one report's page. */
export const reportPath = (campaignId: string, key: ReportKey) =>
  `/campaigns/${campaignId}/report?${new URLSearchParams({ scheduleId: key.scheduleId, periodEnd: key.periodEnd, unitId: key.unitId })}`;

/** The report an address names, or null when a part of its key is missing (no report: a 404). */
export function reportKeyOf(search: URLSearchParams): ReportKey | null {
  const [scheduleId, periodEnd, unitId] = ['scheduleId', 'periodEnd', 'unitId'].map((name) => search.get(name) ?? '');
  return scheduleId && periodEnd && unitId ? { scheduleId, periodEnd, unitId } : null;
}
