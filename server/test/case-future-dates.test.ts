import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/modules/cases/cases.schema';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/** Issue 13: a case's dates of what has happened cannot lie after today (China's date), as leads, inspections and imports already refuse. */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let reviewer: Session;
let leader: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'reviewer', 'leader', 'office'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
});
afterAll(() => t.close());

let n = 0;
const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `测市监案〔2026〕F${++n}号`,
  name: '某食品公司销售过期食品案',
  partyKind: 'company',
  partyName: '上海某某食品有限公司',
  filingDate: '2026-03-10',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const countCases = async () => (await t.database.db.select({ id: cases.id }).from(cases)).length;
const tomorrow = () => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const FUTURE = /不能晚于今天/;

describe('case dates that cannot lie ahead', () => {
  it('refuses a filing date in 2099, in 9999 or tomorrow, naming the field; today is accepted', async () => {
    const before = await countCases();
    for (const filingDate of ['2099-01-01', '9999-12-31', tomorrow()]) {
      const res = await registrar.request('POST', '/api/cases', newCase({ filingDate }));
      expect(res.statusCode, filingDate).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'filingDate', message: expect.stringMatching(FUTURE) }]);
    }
    expect(await countCases()).toBe(before);
    expect((await registrar.request('POST', '/api/cases', newCase({ filingDate: todayInChina() }))).statusCode).toBe(
      201,
    );
  });

  it('refuses future transfer and notification dates, and a future filing date on an edit', async () => {
    const res = await registrar.request(
      'POST',
      '/api/cases',
      newCase({
        transferredToJudiciary: true,
        judiciaryTransferDate: '2099-01-01',
        transferredToPolice: true,
        policeTransferDate: '2099-01-02',
        notificationDate: '2099-01-03',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string; message: string }) => [e.path, FUTURE.test(e.message)])
        .sort(),
    ).toEqual([
      ['judiciaryTransferDate', true],
      ['notificationDate', true],
      ['policeTransferDate', true],
    ]);
    // A 督办期限 lies ahead: accepted.
    const c = (
      await registrar.request(
        'POST',
        '/api/cases',
        newCase({ supervisionLevel: 'self', supervisionDeadline: '2099-01-01' }),
      )
    ).json();
    expect(c.supervisionDeadline).toBe('2099-01-01');
    const edit = await handler.request('PUT', `/api/cases/${c.id}`, {
      ...newCase({ caseNumber: c.caseNumber, filingDate: '9999-12-31' }),
      version: c.version,
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors).toEqual([{ path: 'filingDate', message: expect.stringMatching(FUTURE) }]);
  });

  it('refuses a future decision date, closing date, and clock pause or resumption', async () => {
    let c = (await registrar.request('POST', '/api/cases', newCase({ filingDate: '2026-05-01' }))).json();
    const move = async (who: Session, body: Record<string, unknown>) => {
      const res = await who.request('POST', `/api/cases/${c.id}/stage`, { version: c.version, ...body });
      if (res.statusCode === 200) c = res.json();
      return res;
    };
    const clock = (body: Record<string, unknown>) =>
      handler.request('POST', `/api/cases/${c.id}/clock`, { reason: '检测', version: c.version, ...body });
    const pauseAhead = await clock({ kind: 'pause', fromDate: '2099-01-01' });
    expect(pauseAhead.statusCode).toBe(400);
    expect(pauseAhead.json().errors).toEqual([{ path: 'fromDate', message: expect.stringMatching(FUTURE) }]);
    c = (await clock({ kind: 'pause', fromDate: '2026-05-10' })).json();
    const resumeAhead = await clock({ kind: 'resume', toDate: '2099-01-01' });
    expect(resumeAhead.json().errors).toEqual([{ path: 'toDate', message: expect.stringMatching(FUTURE) }]);
    c = (await clock({ kind: 'resume', toDate: '2026-05-20' })).json();

    for (const to of ['investigation', 'review']) expect((await move(handler, { to })).statusCode).toBe(200);
    expect((await move(reviewer, { to: 'notice' })).statusCode).toBe(200);
    const decidedAhead = await move(leader, { to: 'decided', decisionDate: '2099-01-01', penalized: true });
    expect(decidedAhead.statusCode).toBe(400);
    expect(decidedAhead.json().errors).toEqual([{ path: 'decisionDate', message: expect.stringMatching(FUTURE) }]);
    expect((await move(leader, { to: 'decided', decisionDate: '2026-06-01', penalized: true })).statusCode).toBe(200);
    expect((await move(handler, { to: 'execution', executorId: tenant.unitUsers.own.id })).statusCode).toBe(200);
    const closedAhead = await move(handler, { to: 'closed', closingDate: '9999-12-31' });
    expect(closedAhead.statusCode).toBe(400);
    expect(closedAhead.json().errors).toEqual([{ path: 'closingDate', message: expect.stringMatching(FUTURE) }]);
    expect((await move(leader, { to: 'closed', closingDate: todayInChina() })).statusCode).toBe(200);
    expect(c.stage).toBe('closed');
  });

  it('诉转案 refuses a future filing date under case.filingDate', async () => {
    const lead = (
      await handler.request('POST', '/api/leads', {
        unitId: tenant.units.district.id,
        campaignId,
        categoryCode: 'food',
        source: 'complaint',
        sourceNumber: '12315-2026-F1',
        receivedDate: '2026-02-10',
        partyName: '某超市',
        description: '消费者投诉购买到过期牛奶。',
        complainantName: '李小明',
        complainantPhone: '13812341234',
      })
    ).json();
    const { campaignId: _c, unitId: _u, ...fields } = newCase({ filingDate: '2099-01-01' });
    // The office files a lead's case directly, with the date given (a handler's request is dated on approval).
    const office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
    const res = await office.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'file',
      version: lead.version,
      case: fields,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'case.filingDate', message: expect.stringMatching(FUTURE) }]);
  });

  it('the ledger import refuses future filing, closing and transfer dates, naming row and column', async () => {
    const header =
      '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
    const code = tenant.units.district.code;
    const file = [
      header,
      `未来〔2026〕1号,${code},食品安全违法,甲案,甲公司,,9999-12-31,,0,0,0,0,否,否,否,,`,
      `未来〔2026〕2号,${code},食品安全违法,乙案,乙公司,,2026-03-01,2099-01-01,0,0,0,0,否,否,是,2099-01-02,`,
    ].join('\r\n');
    const before = await countCases();
    const res = await handler.upload(`/api/campaigns/${campaignId}/cases/import`, '台账.csv', `${file}\r\n`);
    expect(res.statusCode, res.body).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)
        .sort(),
    ).toEqual(['2:立案日期', '3:移送日期', '3:结案日期']);
    expect(await countCases()).toBe(before);
  });
});
