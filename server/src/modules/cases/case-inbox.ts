import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import { shiftDate } from '../calendar/working-days';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { CASE_DUE_SOON_DAYS } from './case-clock';
import type { CaseFilters, CasesRepository } from './cases.repository';
import { casePolicy } from './cases.policy';
import { cases } from './cases.schema';

/**
 * The cases' part of 我的待办: cases at 核审 for a legal reviewer (not those he approved or
 * investigates: 四分离), overdue decision clocks (the office and leader: their units'; a handler:
 * his own), a handler's cases due within CASE_DUE_SOON_DAYS, as the dashboard counts them, and the
 * decisions he is named to execute (执行).
 */
export function createCaseInbox(deps: {
  db: Db;
  casesRepository: Pick<CasesRepository, 'byDueDate' | 'count'>;
  today?: () => string;
}): InboxProvider {
  const { db, casesRepository: repo } = deps;
  const todayOf = deps.today ?? (() => todayInChina());

  async function read(kind: string, f: CaseFilters, today: string) {
    const [rows, { total }] = await Promise.all([repo.byDueDate(db, f, INBOX_KIND_LIMIT), repo.count(db, f)]);
    const items = rows.map((c) => ({
      kind,
      recordType: 'case',
      recordId: c.id,
      title: `${c.name}（${c.caseNumber}）`,
      dueAt: c.decisionDueDate,
      unitId: c.unitId,
      link: `/cases/${c.id}`,
      overdue: c.decisionDueDate !== null && c.decisionDueDate < today,
    }));
    return section(kind, items, total);
  }

  return async (actor: Actor) => {
    const today = todayOf();
    const scope = unitIdInScope(actor, cases.unitId);
    const out = [];
    if (casePolicy.reviewsInInbox(actor))
      out.push(await read('case_review', { scope, stages: ['review'], notDutyOf: actor.userId }, today));
    const watch = casePolicy.watchesClocks(actor);
    if (watch)
      out.push(
        await read(
          'case_overdue',
          { scope, overdueOn: today, ...(watch === 'own' ? { investigatorId: actor.userId } : {}) },
          today,
        ),
      );
    if (casePolicy.watchesOwnDueSoon(actor))
      out.push(
        await read(
          'case_due_soon',
          {
            scope,
            investigatorId: actor.userId,
            dueBetween: { from: today, to: shiftDate(today, CASE_DUE_SOON_DAYS) },
          },
          today,
        ),
      );
    if (casePolicy.watchesOwnDueSoon(actor))
      out.push(await read('case_execution', { scope, stages: ['execution'], executorId: actor.userId }, today));
    return out;
  };
}
