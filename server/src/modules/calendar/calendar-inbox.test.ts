import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../platform/actor';
import { createCalendarInbox } from './calendar-inbox';
import { createWorkingCalendar } from './working-days';

/** A calendar whose administrators entered the given years in full (2099 and 2100 are in no package). */
const service = (entered: number[]) => ({ calendar: async () => createWorkingCalendar(new Map(), new Set(entered)) });
const at = (day: string) => () => new Date(`${day}T04:00:00Z`);
const unitAdmin: Actor = { ...systemActor, isSystemAdmin: false, roles: ['admin'] };

describe('the calendar in 我的待办', () => {
  it("asks the system administrator for this year's schedule, and next year's from November", async () => {
    const june = await createCalendarInbox({ calendarService: service([]), now: at('2099-06-01') })(systemActor);
    expect(june[0].items.map((i) => [i.recordId, i.overdue, i.dueAt, i.link])).toEqual([
      ['2099', true, null, '/calendar?year=2099'],
    ]);
    const november = await createCalendarInbox({ calendarService: service([2099]), now: at('2099-11-02') })(
      systemActor,
    );
    expect(november[0].items.map((i) => [i.recordId, i.overdue, i.dueAt])).toEqual([['2100', false, '2099-12-31']]);
    expect(november[0].items[0].title).toContain('2100年法定节假日和调休安排尚未维护');
    const done = await createCalendarInbox({ calendarService: service([2099, 2100]), now: at('2099-12-20') })(
      systemActor,
    );
    expect(done[0].total).toBe(0);
  });

  it("asks nothing of a unit's administrator (the calendar is national)", async () => {
    expect(await createCalendarInbox({ calendarService: service([]), now: at('2099-11-02') })(unitAdmin)).toEqual([]);
  });
});
