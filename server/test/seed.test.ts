import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/seed/demo';
import { createTestApp, login, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('builds a city bureau with two districts laid out like seed 004, once', async () => {
    expect(await seedDemo(t.services)).toBe(true);
    expect(await seedDemo(t.services)).toBe(false);
    const all = await t.services.unitsService.list(systemActor, { includeInactive: true });
    const byCode = new Map(all.map((u) => [u.code, u]));
    expect(byCode.get('SH')).toMatchObject({ kind: 'bureau', divisionCode: '310000', depth: 0 });
    expect(byCode.get('CM')).toMatchObject({ kind: 'bureau', divisionCode: '310151', parentId: byCode.get('SH')!.id });
    expect(byCode.get('PD')).toMatchObject({ kind: 'bureau', divisionCode: '310115' });
    const cmChildren = all.filter((u) => u.parentId === byCode.get('CM')!.id);
    expect(new Set(cmChildren.map((u) => u.kind))).toEqual(new Set(['section', 'brigade', 'office']));
    expect(cmChildren.map((u) => u.name)).toEqual(expect.arrayContaining(['执法监督管理科', '执法大队', '城桥市场监管所']));
  });

  it('gives one user per role who can log in, and keeps 所 users out of a sibling 所', async () => {
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(['admin', 'handler', 'leader', 'liaison', 'office', 'reviewer', 'supervisor']);
    const pd = await login(t.app, 'pd_liaison', DEMO_PASSWORD);
    const visible = (await pd.request('GET', '/api/units')).json().items.map((u: { code: string }) => u.code);
    expect(visible).toEqual(['PD-LJZS']);
    const cm = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const pdUnit = (await t.services.unitsService.list(systemActor, { includeInactive: false })).find((u) => u.code === 'PD-LJZS')!;
    expect((await cm.request('GET', `/api/units/${pdUnit.id}`)).statusCode).toBe(404);
  });
});
