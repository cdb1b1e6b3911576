import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { CalendarService } from '../calendar/calendar.service';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { LEAD_DUE_SOON_WORKING_DAYS } from './lead-clock';
import type { LeadFilters, LeadsRepository } from './leads.repository';
import { leadPolicy } from './leads.policy';
import { leads } from './leads.schema';

/**
 * The leads' part of 我的待办: verification clocks (15 working days) past their end — the office's
 * and leader's units', a handler's own — and a handler's leads due within
 * LEAD_DUE_SOON_WORKING_DAYS, as the leads list's due filters count them.
 */
export function createLeadInbox(deps: {
  db: Db;
  leadsRepository: Pick<LeadsRepository, 'byDueDate' | 'count'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  today?: () => string;
}): InboxProvider {
  const { db, leadsRepository: repo, calendarService } = deps;
  const todayOf = deps.today ?? (() => todayInChina());

  async function read(kind: string, f: LeadFilters, today: string) {
    const [rows, { total }] = await Promise.all([repo.byDueDate(db, f, INBOX_KIND_LIMIT), repo.count(db, f)]);
    const items = rows.map((l) => ({
      kind,
      recordType: 'lead',
      recordId: l.id,
      title: l.sourceNumber ? `${l.partyName}（${l.sourceNumber}）` : l.partyName,
      dueAt: l.dueDate,
      unitId: l.unitId,
      link: `/leads/${l.id}`,
      overdue: l.dueDate !== null && l.dueDate < today,
    }));
    return section(kind, items, total);
  }

  return async (actor: Actor) => {
    const today = todayOf();
    const base: LeadFilters = { scope: unitIdInScope(actor, leads.unitId), statuses: ['verifying'] };
    const own = { handlerId: actor.userId };
    const out = [];
    const watch = leadPolicy.watchesClocks(actor);
    if (watch)
      out.push(await read('lead_overdue', { ...base, overdueOn: today, ...(watch === 'own' ? own : {}) }, today));
    if (leadPolicy.watchesOwnDueSoon(actor)) {
      const last = (await calendarService.calendar()).addWorkingDays(today, LEAD_DUE_SOON_WORKING_DAYS).date;
      out.push(await read('lead_due_soon', { ...base, ...own, dueBy: { today, last } }, today));
    }
    return out;
  };
}
