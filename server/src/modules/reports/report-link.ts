/**
 * The web page of a unit's report for one period: a report has no id of its own until sent, so its
 * address carries its key (web/src/modules/reports/report-link.ts reads it back). Notifications and
 * 我的待办 link to it.
 */
export const reportLink = (campaignId: string, key: { scheduleId: string; periodEnd: string; unitId: string }) =>
  `/campaigns/${campaignId}/report?${new URLSearchParams({ scheduleId: key.scheduleId, periodEnd: key.periodEnd, unitId: key.unitId })}`;
