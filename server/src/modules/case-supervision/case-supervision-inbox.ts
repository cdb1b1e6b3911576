import { and, eq, lt, lte, not, or } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import { shiftDate } from '../calendar/working-days';
import { cases } from '../cases/cases.schema';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { caseSupervisionPolicy as policy } from './case-supervision.policy';
import type { CaseSupervisionRepository } from './case-supervision.repository';
import { caseSupervisions } from './case-supervision.schema';

/** Days ahead a progress report shows as due (临期) in the case side's inbox. */
export const PROGRESS_DUE_SOON_DAYS = 3;

/**
 * The 督办 part of 我的待办. The supervising unit's office and leader: requests to take up or decline
 * (not their own: 四分离) and their overdue 督办件 (进展逾期 or 督办逾期). The case's side (handlers,
 * office, leader of the case's unit or above, below the supervising unit): progress reports due
 * within PROGRESS_DUE_SOON_DAYS or missed, and passed deadlines.
 */
export function createCaseSupervisionInbox(deps: {
  db: Db;
  caseSupervisionRepository: CaseSupervisionRepository;
  today?: () => string;
}): InboxProvider {
  const { db, caseSupervisionRepository: repo } = deps;
  const todayOf = deps.today ?? (() => todayInChina());

  async function read(kind: string, cond: ReturnType<typeof and>, today: string, due: 'deadline' | 'progress') {
    const [rows, total] = await Promise.all([
      repo.matching(db, cond!, INBOX_KIND_LIMIT),
      repo.countMatching(db, cond!),
    ]);
    const items = rows.map((r) => {
      const dueAt = due === 'deadline' ? r.deadline : r.nextProgressDue;
      return {
        kind,
        recordType: 'case_supervision',
        recordId: r.id,
        title: `${r.caseName}（${r.caseNumber}）`,
        dueAt,
        unitId: r.unitId,
        link: `/cases/${r.caseId}`,
        overdue: dueAt !== null && dueAt < today,
      };
    });
    return section(kind, items, total);
  }

  return async (actor: Actor) => {
    const today = todayOf();
    const out = [];
    const active = eq(caseSupervisions.status, 'active');
    if (actor.unitId && policy.watchesSupervised(actor)) {
      out.push(await read('case_supervision_request', repo.requestsFor(actor.unitId, actor.userId), today, 'deadline'));
      out.push(
        await read(
          'case_supervision_overdue',
          and(eq(caseSupervisions.supervisingUnitId, actor.unitId), repo.overdueCondition(today)),
          today,
          'deadline',
        ),
      );
    }
    const side = policy.watchesCaseSide(actor);
    if (side) {
      // The case's side: the case in scope, the supervising unit not (that is the other side).
      const caseSide = and(
        active,
        unitIdInScope(actor, cases.unitId),
        not(unitIdInScope(actor, caseSupervisions.supervisingUnitId)),
        side === 'own'
          ? or(eq(cases.investigatorId, actor.userId), eq(caseSupervisions.requestedBy, actor.userId))
          : undefined,
      );
      out.push(
        await read(
          'case_supervision_progress',
          and(caseSide, lte(caseSupervisions.nextProgressDue, shiftDate(today, PROGRESS_DUE_SOON_DAYS))),
          today,
          'progress',
        ),
      );
      out.push(
        await read('case_supervision_deadline', and(caseSide, lt(caseSupervisions.deadline, today)), today, 'deadline'),
      );
    }
    return out;
  };
}
