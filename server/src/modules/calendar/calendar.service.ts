import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarRepository } from './calendar.repository';
import { calendarPolicy } from './calendar.policy';
import { createWorkingCalendar, packageYears, type Override, type WorkingCalendar } from './working-days';

export function createCalendarService(deps: {
  db: Db;
  calendarRepository: CalendarRepository;
  auditService: AuditService;
}) {
  const { db, calendarRepository: repo, auditService } = deps;
  let cached: WorkingCalendar | undefined;

  /**
   * The working calendar with the administrators' overrides; other modules compute deadlines with it.
   * `conn`: the caller's transaction when it reads inside one (PGlite has a single connection).
   */
  async function calendar(conn: Db = db): Promise<WorkingCalendar> {
    if (!cached) {
      const rows = await repo.all(conn);
      const entered = new Set(await repo.enteredYears(conn));
      cached = createWorkingCalendar(
        new Map<string, Override>(rows.map((r) => [r.day, { kind: r.kind, name: r.name }])),
        entered,
      );
    }
    return cached;
  }

  const requireCalendarAdmin = (actor: Actor) => {
    if (!calendarPolicy.canMaintain(actor)) throw forbidden('只有系统管理员可以维护节假日安排');
  };

  return {
    calendar,

    async year(year: number) {
      const cal = await calendar();
      const overrides = (await repo.all(db)).filter((r) => r.day.startsWith(String(year)));
      return {
        year,
        covered: cal.isYearCovered(year),
        inPackage: packageYears().includes(year),
        days: cal.year(year),
        overrides,
      };
    },

    /** The administrator declares a year's schedule entered in full (or takes that back). */
    async setYearEntered(actor: Actor, year: number, entered: boolean) {
      requireCalendarAdmin(actor);
      await db.transaction(async (tx) => {
        await repo.setYearEntered(tx, year, entered, actor.userId);
        await auditService.record(tx, actor, {
          action: 'calendar.year_entered',
          recordId: String(year),
          unitId: null,
          after: { entered },
        });
      });
      cached = undefined;
      return this.year(year);
    },

    async setOverride(actor: Actor, day: string, input: Override) {
      requireCalendarAdmin(actor);
      const before = await repo.find(db, day);
      const saved = await db.transaction(async (tx) => {
        const row = await repo.upsert(tx, { day, kind: input.kind, name: input.name, createdBy: actor.userId });
        await auditService.record(tx, actor, {
          action: 'calendar.override_set',
          recordId: day,
          unitId: null,
          before,
          after: row,
        });
        return row;
      });
      cached = undefined;
      return saved;
    },

    async deleteOverride(actor: Actor, day: string) {
      requireCalendarAdmin(actor);
      const before = await repo.find(db, day);
      if (!before) throw notFound('自定义日期');
      await db.transaction(async (tx) => {
        await repo.delete(tx, day);
        await auditService.record(tx, actor, {
          action: 'calendar.override_delete',
          recordId: day,
          unitId: null,
          before,
        });
      });
      cached = undefined;
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
