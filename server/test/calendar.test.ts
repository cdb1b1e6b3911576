import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let sys: Session;
beforeAll(async () => {
  t = await createTestApp();
  await t.services.authService.ensureSystemAdmin('Guard-Root-2026');
  sys = await login(t.app, 'admin', 'Guard-Root-2026');
});
afterAll(() => t.close());

describe('working-day calendar API', () => {
  it('serves a year from the package', async () => {
    const res = await sys.request('GET', '/api/calendar/years/2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.covered).toBe(true);
    expect(body.days).toHaveLength(365);
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({
      kind: 'holiday',
      name: '春节',
    });
  });

  it('computes deadlines in working days', async () => {
    const add = await sys.request('GET', '/api/calendar/add-working-days?from=2026-02-10&days=15');
    expect(add.json()).toEqual({ date: '2026-03-09', provisional: false });
    const between = await sys.request('GET', '/api/calendar/working-days-between?from=2026-02-13&to=2026-02-28');
    expect(between.json()).toEqual({ days: 6, provisional: false });
    const bad = await sys.request('GET', '/api/calendar/add-working-days?from=2026-02-30&days=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'from', message: '日期应为有效的 YYYY-MM-DD' });
  });

  it('lets the system administrator enter a year the package lacks, audited, and use it at once', async () => {
    expect((await sys.request('GET', '/api/calendar/years/2031')).json().covered).toBe(false);
    const before = (await sys.request('GET', '/api/calendar/add-working-days?from=2030-12-31&days=1')).json();
    expect(before).toEqual({ date: '2031-01-01', provisional: true });

    const put = await sys.request('PUT', '/api/calendar/overrides/2031-01-01', { kind: 'holiday', name: '元旦' });
    expect(put.statusCode).toBe(200);
    const year = (await sys.request('GET', '/api/calendar/years/2031')).json();
    expect(year).toMatchObject({ covered: false, inPackage: false });
    expect(year.overrides).toHaveLength(1);
    // 1 Jan 2031 is now a holiday; the year counts as known only once it is declared entered in full.
    expect((await sys.request('GET', '/api/calendar/add-working-days?from=2030-12-31&days=1')).json()).toEqual({
      date: '2031-01-02',
      provisional: true,
    });
    expect(
      (await sys.request('GET', '/api/calendar/working-days-between?from=2031-01-01&to=2031-01-03')).json(),
    ).toEqual({ days: 2, provisional: true });
    const entered = await sys.request('PUT', '/api/calendar/years/2031/entered', { entered: true });
    expect(entered.json()).toMatchObject({ year: 2031, covered: true });
    expect(
      (await sys.request('GET', '/api/calendar/working-days-between?from=2031-01-01&to=2031-01-03')).json(),
    ).toEqual({ days: 2, provisional: false });
    await sys.request('PUT', '/api/calendar/years/2031/entered', { entered: false });

    const audit = (await sys.request('GET', '/api/audit?recordType=calendar_override')).json();
    expect(audit.items[0]).toMatchObject({ action: 'calendar.override_set', recordId: '2031-01-01' });

    expect((await sys.request('DELETE', '/api/calendar/overrides/2031-01-01')).statusCode).toBe(204);
    expect((await sys.request('DELETE', '/api/calendar/overrides/2031-01-01')).statusCode).toBe(404);
    expect((await sys.request('GET', '/api/calendar/years/2031')).json().covered).toBe(false);
  });
});
