import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { calendarOverrides, calendarYears, type CalendarOverrideRow } from './calendar.schema';

export function createCalendarRepository() {
  return {
    all: (db: Db): Promise<CalendarOverrideRow[]> => db.select().from(calendarOverrides).orderBy(calendarOverrides.day),

    async find(db: Db, day: string): Promise<CalendarOverrideRow | undefined> {
      const [row] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.day, day));
      return row;
    },

    async upsert(tx: Db, row: typeof calendarOverrides.$inferInsert): Promise<CalendarOverrideRow> {
      const [saved] = await tx
        .insert(calendarOverrides)
        .values(row)
        .onConflictDoUpdate({
          target: calendarOverrides.day,
          set: { kind: row.kind, name: row.name, createdBy: row.createdBy },
        })
        .returning();
      return saved;
    },

    enteredYears: async (db: Db): Promise<number[]> =>
      (await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year),

    async setYearEntered(tx: Db, year: number, entered: boolean, by: string) {
      if (entered) await tx.insert(calendarYears).values({ year, completedBy: by }).onConflictDoNothing();
      else await tx.delete(calendarYears).where(eq(calendarYears.year, year));
    },

    async delete(tx: Db, day: string): Promise<void> {
      await tx.delete(calendarOverrides).where(eq(calendarOverrides.day, day));
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
