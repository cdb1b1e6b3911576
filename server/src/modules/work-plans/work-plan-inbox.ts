import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { CalendarService } from '../calendar/calendar.service';
import { campaigns } from '../campaigns/campaigns.schema';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import type { UnitsRepository } from '../units/units.repository';
import { workPlanPolicy } from './work-plans.policy';
import type { WorkPlansRepository } from './work-plans.repository';
import type { WorkPlansService } from './work-plans.service';

/** A unit is reminded of its 工作实施计划 this many working days before the deadline. */
export const WORK_PLAN_DUE_SOON_WORKING_DAYS = 3;

/**
 * The work plans' part of 我的待办: for a unit's liaison, office or leader, the plans its unit owes
 * and has not filed (or had returned) that fall due within 3 working days or are overdue
 * (`work_plan_due`); for the office of a plan's issuing unit, the filed plans waiting 备案 (`work_plan_review`).
 */
export function createWorkPlanInbox(deps: {
  db: Db;
  workPlansRepository: WorkPlansRepository;
  workPlansService: Pick<WorkPlansService, 'owedBy'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  today?: () => string;
}): InboxProvider {
  const { db, workPlansRepository: repo, workPlansService, unitsRepository, calendarService } = deps;
  const todayOf = deps.today ?? (() => todayInChina());

  async function due(actor: Actor, today: string) {
    const unit = await unitsRepository.findById(db, actor.unitId!);
    if (!unit) return section('work_plan_due', [], 0);
    const last = (await calendarService.calendar()).addWorkingDays(today, WORK_PLAN_DUE_SOON_WORKING_DAYS).date;
    const asking = (await repo.campaignsAskingOf(db, unit.id)).filter((c) => c.deadline! <= last);
    const owed = new Set(await workPlansService.owedBy(unit, asking));
    const filed = new Map(
      (
        await repo.ofUnit(
          db,
          unit.id,
          asking.map((c) => c.id),
        )
      ).map((p) => [p.campaignId, p]),
    );
    const items = asking
      .filter((c) => owed.has(c.id) && (!filed.has(c.id) || filed.get(c.id)!.status === 'returned'))
      .sort((a, b) => a.deadline!.localeCompare(b.deadline!))
      .map((c) => ({
        kind: 'work_plan_due',
        recordType: 'campaign',
        recordId: c.id,
        title: `${c.name}：${filed.has(c.id) ? '工作实施计划被退回，待重新报送' : '待报送工作实施计划'}`,
        dueAt: c.deadline,
        unitId: unit.id,
        link: `/campaigns/${c.id}?tab=work-plans`,
        overdue: c.deadline! < today,
      }));
    return section('work_plan_due', items.slice(0, INBOX_KIND_LIMIT), items.length);
  }

  async function waiting(actor: Actor) {
    const rows = await repo.waiting(db, unitIdInScope(actor, campaigns.unitId), INBOX_KIND_LIMIT);
    const items = rows.map((r) => ({
      kind: 'work_plan_review',
      recordType: 'unit_work_plan',
      recordId: r.id,
      title: `${r.campaignName}：${r.title}（待备案）`,
      dueAt: null,
      unitId: r.unitId,
      link: `/campaigns/${r.campaignId}?tab=work-plans`,
      overdue: false,
    }));
    return section('work_plan_review', items, rows[0]?.total ?? 0);
  }

  return async (actor: Actor) => {
    const today = todayOf();
    const out = [];
    if (workPlanPolicy.filesInInbox(actor)) out.push(await due(actor, today));
    if (workPlanPolicy.reviewsInInbox(actor)) out.push(await waiting(actor));
    return out.filter((s) => s.total > 0);
  };
}
