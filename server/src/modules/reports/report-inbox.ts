import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { INBOX_KIND_LIMIT, section, type InboxItem, type InboxProvider, type InboxSection } from '../inbox/inbox';
import { reportLink } from './report-link';
import { reportPolicy } from './reports.policy';
import type { ReportsRepository } from './reports.repository';
import { reportSubmissions } from './reports.schema';
import type { ReportsService } from './reports.service';

/** A report has no row until it is sent: it is keyed by its plan, schedule, period and unit. */
const reportKey = (r: { campaignId: string; scheduleId: string; periodEnd: string; unitId: string }) =>
  `${r.campaignId}:${r.scheduleId}:${r.periodEnd}:${r.unitId}`;

/**
 * The reports' part of 我的待办: for the office of the bureau that issued a plan, the reports sent
 * and waiting for its review (审核); for a liaison (and an office, of its own unit), the reminders
 * (reportsService.reminders): reports returned to fix (退回), chased (催报), due within
 * REMINDER_DAYS or overdue.
 */
export function createReportInbox(deps: {
  db: Db;
  reportsRepository: Pick<ReportsRepository, 'awaitingReview'>;
  reportsService: Pick<ReportsService, 'reminders'>;
}): InboxProvider {
  const { db, reportsRepository: repo, reportsService } = deps;

  async function toReview(actor: Actor & { unitId: string }) {
    const { rows, total } = await repo.awaitingReview(
      db,
      { issuerUnitId: actor.unitId, reviewerId: actor.userId, scope: unitIdInScope(actor, reportSubmissions.unitId) },
      INBOX_KIND_LIMIT,
    );
    const items = rows.map((r) => {
      const schedule = r.schedules.find((s) => s.id === r.scheduleId)?.name ?? '报表';
      return {
        kind: 'report_review',
        recordType: 'report',
        recordId: reportKey(r),
        title: `${r.unitName}：${schedule}（截至 ${r.periodEnd}） · ${r.campaignName}`,
        dueAt: null,
        unitId: r.unitId,
        link: reportLink(r.campaignId, r),
        overdue: false,
      };
    });
    return section('report_review', items, total);
  }

  async function reminders(actor: Actor): Promise<InboxSection[]> {
    const byKind = new Map<string, InboxItem[]>();
    for (const r of await reportsService.reminders(actor)) {
      const kind =
        r.state === 'returned'
          ? 'report_returned'
          : r.state === 'missing' && r.chasedAt
            ? 'report_chased'
            : 'report_due';
      const why = r.state === 'returned' && r.returnReason ? `：${r.returnReason}` : '';
      const item = {
        kind,
        recordType: 'report',
        recordId: reportKey(r),
        title: `${r.name}（截至 ${r.periodEnd}）${why} · ${r.campaignName}`,
        dueAt: r.dueDate,
        unitId: r.unitId,
        link: reportLink(r.campaignId, r),
        overdue: r.state === 'missing',
      };
      byKind.set(kind, [...(byKind.get(kind) ?? []), item]);
    }
    return [...byKind].map(([kind, items]) => section(kind, items, items.length));
  }

  return async (actor: Actor) => {
    const out = await reminders(actor);
    if (reportPolicy.reviewsInInbox(actor) && actor.unitId)
      out.unshift(await toReview({ ...actor, unitId: actor.unitId }));
    return out;
  };
}
