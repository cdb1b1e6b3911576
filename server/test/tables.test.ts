import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import { rowsOf } from '../src/platform/db/rows-of';

/** Issue 19 "Tables that work": server sorting along indexes, personal preferences, automatic case numbers. */
let t: TestApp;
let tenant: Tenant;
let registrar: Session;
let handler: Session;
let admin: Session;
let other: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['admin', 'office', 'handler', 'leader'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  registrar = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
  other = await login(t.app, tenant.unitUsers.own.username, TEST_PASSWORD);
});
afterAll(() => t.close());

let n = 0;
const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `排序案〔2026〕${++n}号`,
  name: `排序测试案${n}`,
  partyKind: 'company',
  partyName: '某食品公司',
  filingDate: '2026-03-10',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

/** The plan of a query with sorting switched off: no Sort node means an index gives the order. */
async function planOf(query: string): Promise<string> {
  return t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_sort = off`);
    const rows = rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql.raw(`explain ${query}`)));
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('sorting along indexes', () => {
  it('sorts the ledger by filing date either way and by the nearest decision clock', async () => {
    const filed = [];
    for (const filingDate of ['2026-01-05', '2026-03-01', '2026-02-10']) {
      const res = await registrar.request('POST', '/api/cases', newCase({ filingDate }));
      expect(res.statusCode).toBe(201);
      filed.push(res.json() as { id: string; filingDate: string; decisionDueDate: string });
    }
    const list = (sort?: string) => registrar.request('GET', `/api/cases?pageSize=100${sort ? `&sort=${sort}` : ''}`);
    const byDate = [...filed].sort((a, b) => a.filingDate.localeCompare(b.filingDate)).map((c) => c.id);
    expect(ids(await list())).toEqual([...byDate].reverse());
    expect(ids(await list('filingDate.desc'))).toEqual([...byDate].reverse());
    expect(ids(await list('filingDate.asc'))).toEqual(byDate);
    const byDue = [...filed].sort((a, b) => a.decisionDueDate.localeCompare(b.decisionDueDate)).map((c) => c.id);
    expect(ids(await list('decisionDueDate.asc'))).toEqual(byDue);
    const bad = await list('partyName.asc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/排序方式/);
  });

  it('sorts leads by received date and due date, inspections by date', async () => {
    let k = 0;
    const lead = (receivedDate: string) =>
      handler.request('POST', '/api/leads', {
        unitId: tenant.units.district.id,
        campaignId,
        categoryCode: 'food',
        source: 'complaint',
        sourceNumber: `12315-SORT-${++k}`,
        receivedDate,
        partyName: '某超市',
        description: '投诉过期食品。',
      });
    const made = [];
    for (const d of ['2026-02-03', '2026-04-01', '2026-03-02']) {
      const res = await lead(d);
      expect(res.statusCode).toBe(201);
      made.push(res.json() as { id: string; receivedDate: string });
    }
    const asc = [...made].sort((a, b) => a.receivedDate.localeCompare(b.receivedDate)).map((l) => l.id);
    expect(ids(await handler.request('GET', '/api/leads?sort=receivedDate.asc'))).toEqual(asc);
    expect(ids(await handler.request('GET', '/api/leads'))).toEqual([...asc].reverse());
    // The clock runs from receipt: the oldest lead is due first.
    expect(ids(await handler.request('GET', '/api/leads?sort=dueDate.asc'))).toEqual(asc);

    const outings = [];
    for (const inspectionDate of ['2026-04-10', '2026-04-02']) {
      const res = await handler.request('POST', '/api/inspections', {
        unitId: tenant.units.district.id,
        campaignId,
        categoryCode: 'food',
        inspectionDate,
        staffDeployed: 2,
        entitiesInspected: 3,
        inspectorIds: [tenant.byRole.handler.id, tenant.unitUsers.own.id],
      });
      expect(res.statusCode).toBe(201);
      outings.push(res.json().id as string);
    }
    expect(ids(await handler.request('GET', '/api/inspections?sort=inspectionDate.asc'))).toEqual([
      outings[1],
      outings[0],
    ]);
    expect(ids(await handler.request('GET', '/api/inspections?sort=inspectionDate.desc'))).toEqual(outings);
  });

  it('reads each sorted page along an index, not a sort of every match', async () => {
    for (const [order, index] of [
      ['filing_date desc, created_at desc', 'cases_ledger_order_idx'],
      ['filing_date asc, created_at asc', 'cases_ledger_order_idx'],
      ['decision_due_date asc, created_at asc', 'cases_due_order_idx'],
    ])
      expect(await planOf(`select id from cases order by ${order} limit 20 offset 40`)).toMatch(
        new RegExp(`Index (Only )?Scan.*${index}`),
      );
    expect(
      await planOf(`select id from cases where stage = 'filed' order by filing_date asc, created_at asc limit 20`),
    ).not.toMatch(/\bSort\b/);
    expect(await planOf(`select id from leads order by due_date asc, created_at asc limit 20`)).toMatch(
      /Index Scan.*leads_due_order_idx/,
    );
    expect(await planOf(`select id from leads order by received_date asc, created_at asc limit 20`)).toMatch(
      /Index Scan.*leads_list_order_idx/,
    );
    expect(await planOf(`select id from inspections order by inspection_date asc, created_at asc limit 20`)).toMatch(
      /Index Scan.*inspections_list_order_idx/,
    );
  });
});

describe('personal preferences', () => {
  it('keeps each person’s own value, never another’s', async () => {
    const empty = await handler.request('GET', '/api/me/preferences/table.cases');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ key: 'table.cases', value: null });

    const put = await handler.request('PUT', '/api/me/preferences/table.cases', {
      value: { hidden: ['party', 'unit'], density: 'small' },
    });
    expect(put.statusCode).toBe(200);
    await handler.request('PUT', '/api/me/preferences/table.cases', {
      value: { hidden: ['party'], density: 'middle' },
    });
    expect((await handler.request('GET', '/api/me/preferences/table.cases')).json().value).toEqual({
      hidden: ['party'],
      density: 'middle',
    });
    // Another person of the same unit still has none, and his own does not touch the first's.
    expect((await other.request('GET', '/api/me/preferences/table.cases')).json().value).toBeNull();
    await other.request('PUT', '/api/me/preferences/table.cases', { value: { hidden: [], density: 'small' } });
    expect((await handler.request('GET', '/api/me/preferences/table.cases')).json().value.density).toBe('middle');

    const badKey = await handler.request('PUT', '/api/me/preferences/Bad Key!', { value: {} });
    expect(badKey.statusCode).toBe(400);
    const notObject = await handler.request('PUT', '/api/me/preferences/table.cases', { value: [1, 2] });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().detail).toMatch(/偏好内容（value）/);
  });
});

describe('automatic case numbers (案件文号)', () => {
  const unitId = () => tenant.units.office.id;

  it('refuses a bad pattern naming the field, and keeps a good one', async () => {
    const unit = (await admin.request('GET', `/api/units/${unitId()}`)).json();
    const bad = await admin.request('PATCH', `/api/units/${unitId()}`, {
      version: unit.version,
      caseNumberPattern: '测所案{seq}号',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/案件文号格式应含一个 \{year\}/);
    const good = await admin.request('PATCH', `/api/units/${unitId()}`, {
      version: unit.version,
      caseNumberPattern: '测所案〔{year}〕{seq:3}号',
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().caseNumberPattern).toBe('测所案〔{year}〕{seq:3}号');
  });

  it('proposes the next number and gives it to a registration without one', async () => {
    const year = new Date().getFullYear();
    const preview = await registrar.request('GET', `/api/cases/next-number?unitId=${unitId()}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ caseNumber: `测所案〔${year}〕001号`, pattern: '测所案〔{year}〕{seq:3}号' });

    const first = await registrar.request('POST', '/api/cases', newCase({ unitId: unitId(), caseNumber: '' }));
    expect(first.statusCode).toBe(201);
    expect(first.json().caseNumber).toBe('测所案〔2026〕001号'); // the filing year, not today's
    // A number typed by hand under the pattern is counted on from.
    const typed = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ unitId: unitId(), caseNumber: '测所案〔2026〕041号' }),
    );
    expect(typed.statusCode).toBe(201);
    const { caseNumber: _omit, ...withoutNumber } = newCase({ unitId: unitId() });
    const next = await registrar.request('POST', '/api/cases', withoutNumber);
    expect(next.json().caseNumber).toBe('测所案〔2026〕042号');
  });

  it('gives two filings at once different numbers', async () => {
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => registrar.request('POST', '/api/cases', newCase({ unitId: unitId(), caseNumber: '' }))),
    );
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    const numbers = [a, b, c].map((r) => r.json().caseNumber as string).sort();
    expect(numbers).toEqual(['测所案〔2026〕043号', '测所案〔2026〕044号', '测所案〔2026〕045号']);
  });

  it('uses the default pattern of the unit name when none is set, and a unit outside the scope is 404', async () => {
    const preview = await registrar.request('GET', `/api/cases/next-number?unitId=${tenant.units.district.id}`);
    expect(preview.json().pattern).toBe(`${tenant.units.district.name.charAt(0)}市监案〔{year}〕{seq}号`);
    const outside = await registrar.request('GET', `/api/cases/next-number?unitId=${tenant.units.sibling.id}`);
    expect(outside.statusCode).toBe(404);
  });
});
