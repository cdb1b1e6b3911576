import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { CalendarService } from '../calendar/calendar.service';
import { cases } from '../cases/cases.schema';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { creditPolicy } from './credit.policy';
import type { CreditRepository } from './credit.repository';
import { dueSoonDecisionCutoff, overdueDecisionCutoff, publicationDue } from './publication-due';

/**
 * The credit module's part of 我的待办: for the office, the penalty decisions of its units whose
 * publication falls due within 5 working days or is overdue (oldest decision first on top).
 */
export function createCreditInbox(deps: {
  db: Db;
  creditRepository: Pick<CreditRepository, 'ledger' | 'ledgerTotals'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  today?: () => string;
}): InboxProvider {
  const todayOf = deps.today ?? (() => todayInChina());
  return async (actor: Actor) => {
    if (!creditPolicy.watchesPublications(actor)) return [];
    const today = todayOf();
    const cal = await deps.calendarService.calendar();
    const f = {
      scope: unitIdInScope(actor, cases.unitId),
      overdueCutoff: overdueDecisionCutoff(cal, today),
      dueBy: dueSoonDecisionCutoff(cal, today),
    };
    const [rows, totals] = await Promise.all([
      deps.creditRepository.ledger(deps.db, f, { limit: INBOX_KIND_LIMIT, offset: 0 }),
      deps.creditRepository.ledgerTotals(deps.db, f),
    ]);
    const items = rows.map((r) => {
      const due = publicationDue(cal, r.decisionDate);
      return {
        kind: 'penalty_publication_due',
        recordType: 'case',
        recordId: r.caseId,
        title: `处罚信息待公示：${r.caseName}（${r.caseNumber}）`,
        dueAt: due,
        unitId: r.unitId,
        link: `/cases/${r.caseId}`,
        overdue: due < today,
      };
    });
    return totals.all > 0 ? [section('penalty_publication_due', items, totals.all)] : [];
  };
}
