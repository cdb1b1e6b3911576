import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { campaigns } from '../src/modules/campaigns/campaigns.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { leads } from '../src/modules/leads/leads.schema';
import { createMarketEntitiesRepository } from '../src/modules/market-entities/market-entities.repository';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign, samplePlan } from './helpers/plans';
import { insertSupervision } from './helpers/supervision-fixtures';

/**
 * 任务进展: records take the plan task they serve by default (category and unit) or as named
 * (a task of another plan: 422 重点任务); the task × unit grid counts them per 牵头/配合 unit with
 * the units' notes; a 牵头 unit without activity for N weeks is flagged and put in the office's inbox.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let campaignId: string;
let foodTask: string;
let ipTask: string;
let otherTask: string;
let suoLiaison: { id: string; session: Session };
let suoHandler: { id: string; session: Session };
let siblingOffice: { id: string; session: Session };
const today = todayInChina();
const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district, office: suo, sibling } = tenant.units;
  // 食品 task: the 所 leads, the district cooperates; 知识产权 task: the district leads.
  const plan = planSchema.parse(samplePlan({ leadUnitId: district.id, participantUnitIds: [district.id, suo.id] }));
  plan.tasks[0].leadUnitIds = [suo.id];
  plan.tasks[0].cooperatingUnitIds = [district.id];
  const c = await t.services.campaignsService.create(systemActor, { ...plan, unitId: district.id });
  campaignId = c.id;
  await t.database.db
    .update(campaigns)
    .set({ status: 'active', startDate: daysAgo(200), endDate: daysAgo(-100) })
    .where(eq(campaigns.id, campaignId));
  const tasks = (await t.services.campaignsService.get(systemActor, campaignId)).tasks;
  foodTask = tasks.find((x) => x.categoryCode === 'food')!.id;
  ipTask = tasks.find((x) => x.categoryCode === 'ip')!.id;
  const other = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: district.id,
    participantUnitIds: [district.id],
  });
  otherTask = (await t.services.campaignsService.get(systemActor, other.id)).tasks[0].id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  suoLiaison = await addPerson(t, tenant, suo.id, ['liaison'], 'tp_liaison');
  suoHandler = await addPerson(t, tenant, suo.id, ['handler'], 'tp_handler');
  siblingOffice = await addPerson(t, tenant, sibling.id, ['office'], 'tp_sibling');
});
afterAll(() => t.close());

const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.office.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `任务案〔2026〕${++n}号`,
  name: '某超市销售过期食品案',
  partyKind: 'company',
  partyName: '上海某某食品有限公司',
  filingDate: daysAgo(5),
  amountInvolved: '100.00',
  fine: '0',
  confiscated: '0',
  lossesRecovered: '0',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const post = (s: Session, url: string, body: unknown) => s.request('POST', url, body);
const grid = async (s: Session, q = '') => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/task-progress${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
type Cell = {
  unitId: string;
  role: string;
  counts: Record<string, number>;
  total: number;
  noteCount: number;
  inactive: boolean;
  weeksInactive: number | null;
  lastActivity: string | null;
};
const cellOf = (g: { rows: { id: string; cells: Cell[] }[] }, taskId: string, unitId: string) =>
  g.rows.find((r) => r.id === taskId)!.cells.find((c) => c.unitId === unitId)!;

describe('the task a record serves', () => {
  it('defaults a case, a lead and an outing to the task of its category naming its unit or one above', async () => {
    const atSuo = await post(office, '/api/cases', newCase());
    expect(atSuo.statusCode, atSuo.body).toBe(201);
    expect(atSuo.json().taskId).toBe(foodTask);
    const ip = await post(
      office,
      '/api/cases',
      newCase({ unitId: tenant.units.district.id, categoryCode: 'ip', filingDate: daysAgo(60) }),
    );
    expect(ip.statusCode, ip.body).toBe(201);
    expect(ip.json().taskId).toBe(ipTask);
    const lead = await post(office, '/api/leads', {
      unitId: tenant.units.office.id,
      campaignId,
      categoryCode: 'food',
      source: 'complaint',
      sourceNumber: `TP-${++n}`,
      receivedDate: daysAgo(3),
      partyName: '某超市',
      description: '消费者投诉购买到过期牛奶。',
      handlerIds: [tenant.unitUsers.child.id],
    });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json().taskId).toBe(foodTask);
    const outing = await post(office, '/api/inspections', {
      unitId: tenant.units.office.id,
      campaignId,
      categoryCode: 'food',
      inspectionDate: daysAgo(2),
      staffDeployed: 4,
      entitiesInspected: 10,
      inspectorIds: [tenant.unitUsers.child.id, tenant.byRole.handler.id],
    });
    expect(outing.statusCode, outing.body).toBe(201);
    expect(outing.json().taskId).toBe(foodTask);
  });

  it('refuses a task of another plan with 422 naming 重点任务, and keeps a named one', async () => {
    const before = (await t.database.db.select().from(cases)).length;
    const res = await post(office, '/api/cases', newCase({ taskId: otherTask }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'taskId', message: expect.stringContaining('重点任务') });
    expect((await t.database.db.select().from(cases)).length).toBe(before);
    const named = await post(office, '/api/cases', newCase({ taskId: ipTask, filingDate: daysAgo(70) }));
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json().taskId).toBe(ipTask);
    // An edit may change it, and is refused the other plan's task.
    const edit = await office.request('PUT', `/api/cases/${named.json().id}`, {
      ...newCase({ caseNumber: named.json().caseNumber, filingDate: daysAgo(70) }),
      taskId: otherTask,
      version: named.json().version,
    });
    expect(edit.statusCode).toBe(422);
  });

  it('tags a draw and a visit (no category): the named task, else the only task naming the unit', async () => {
    const code = `91310000TP${tenant.tag
      .slice(0, 4)
      .toUpperCase()
      .replace(/[IOSVZ]/g, 'A')}000`;
    await createMarketEntitiesRepository().upsertEntities(t.database.db, [
      {
        unitId: tenant.units.district.id,
        name: '任务测试主体',
        creditCode: code + creditCodeCheckChar(code),
        address: null,
        industry: null,
        divisionCode: null,
        riskLevel: 'low',
        licence: null,
      },
    ]);
    const draw = await post(office, '/api/random-draws', {
      unitId: tenant.units.district.id,
      campaignId,
      name: '任务抽查',
      count: 1,
      taskId: foodTask,
    });
    expect(draw.statusCode, draw.body).toBe(201);
    expect(draw.json().taskId).toBe(foodTask);
    // Both tasks name the district (牵头 of one, 配合 of the other): no default.
    const untagged = await post(office, '/api/random-draws', {
      unitId: tenant.units.district.id,
      campaignId,
      name: '任务抽查2',
      count: 1,
    });
    expect(untagged.statusCode, untagged.body).toBe(201);
    expect(untagged.json().taskId).toBeNull();
    const wrong = await post(office, '/api/random-draws', {
      unitId: tenant.units.district.id,
      campaignId,
      name: '任务抽查3',
      count: 1,
      taskId: otherTask,
    });
    expect(wrong.statusCode).toBe(422);

    const { group, round } = await insertSupervision(t.database.db, {
      campaignId,
      organizerUnitId: tenant.units.district.id,
      leaderId: tenant.byRole.supervisor.id,
      createdBy: tenant.byRole.office.id,
    });
    const visit = await post(office, '/api/supervision-visits', {
      roundId: round.id,
      groupId: group.id,
      unitId: tenant.units.office.id,
      visitDate: '2026-03-10',
      method: 'cross',
      checkedItems: '食品安全案件查办台账',
      taskId: foodTask,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().taskId).toBe(foodTask);
  });
});

describe('the grid', () => {
  it('counts the tagged records of each unit subtree, 牵头 and 配合', async () => {
    const g = await grid(office);
    expect(g.rows.map((r: { id: string }) => r.id)).toEqual([foodTask, ipTask]);
    const suo = cellOf(g, foodTask, tenant.units.office.id);
    expect(suo).toMatchObject({
      role: 'lead',
      counts: { case: 1, lead: 1, inspection: 1, draw: 0, visit: 1 },
      total: 3 + 1,
      inactive: false,
      lastActivity: daysAgo(2),
    });
    // The district cooperates: its subtree holds the 所's records and its own draw.
    expect(cellOf(g, foodTask, tenant.units.district.id)).toMatchObject({
      role: 'cooperating',
      counts: { case: 1, lead: 1, inspection: 1, draw: 1, visit: 1 },
      inactive: false,
    });
    expect(cellOf(g, ipTask, tenant.units.district.id)).toMatchObject({
      role: 'lead',
      counts: { case: 2 },
      lastActivity: daysAgo(60),
    });
  });

  it('flags a 牵头 unit without activity for N weeks (default 4), not for more weeks than it has been idle', async () => {
    const ip = cellOf(await grid(office), ipTask, tenant.units.district.id);
    expect(ip).toMatchObject({ inactive: true, weeksInactive: Math.floor(60 / 7) });
    expect(cellOf(await grid(office, '?inactiveWeeks=9'), ipTask, tenant.units.district.id).inactive).toBe(false);
    expect((await office.request('GET', `/api/campaigns/${campaignId}/task-progress?inactiveWeeks=0`)).statusCode).toBe(
      400,
    );
  });

  it('shows a 所 only its own cells; another district gets 404', async () => {
    const g = await grid(suoHandler.session);
    expect(g.rows[0].cells.map((c: Cell) => c.unitId)).toEqual([tenant.units.office.id]);
    expect(g.rows[1].cells).toEqual([]);
    expect((await siblingOffice.session.request('GET', `/api/campaigns/${campaignId}/task-progress`)).statusCode).toBe(
      404,
    );
  });

  it('puts the inactive 牵头 unit in the issuing office’s inbox, linking to the grid', async () => {
    const inbox = (await office.request('GET', '/api/inbox')).json();
    const items = inbox.items.filter((i: { kind: string }) => i.kind === 'task_inactive');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ unitId: tenant.units.district.id, recordId: ipTask, overdue: true });
    expect(items[0].link).toContain(`/campaigns/${campaignId}?tab=task-progress`);
    const suoInbox = (await suoLiaison.session.request('GET', '/api/inbox')).json();
    expect(suoInbox.items.some((i: { kind: string }) => i.kind === 'task_inactive')).toBe(false);
  });
});

describe('the daily bell', () => {
  it('tells the issuing unit’s office once per idle stretch', async () => {
    const first = await t.services.taskProgressReminders.scan();
    expect(first.notified).toBe(1); // one office person, one inactive 牵头 cell
    expect((await t.services.taskProgressReminders.scan()).notified).toBe(0);
    const bell = (await office.request('GET', '/api/notifications')).json();
    expect(JSON.stringify(bell)).toContain('周无进展');
  });
});

describe('进展情况 and the records behind a cell', () => {
  const cellUrl = (taskId: string, unitId: string) =>
    `/api/campaigns/${campaignId}/task-progress/cell?taskId=${taskId}&unitId=${unitId}`;
  const noteUrl = () => `/api/campaigns/${campaignId}/task-progress/notes`;

  it('lists the records of a cell with links', async () => {
    const res = await office.request('GET', cellUrl(foodTask, tenant.units.office.id));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.records.map((r: { kind: string }) => r.kind).sort()).toEqual(['case', 'inspection', 'lead', 'visit']);
    expect(body.records.find((r: { kind: string }) => r.kind === 'case').link).toMatch(/^\/cases\//);
    expect(body.can.addNote).toBe(false); // the district's office is not the 所
    expect((await office.request('GET', cellUrl(otherTask, tenant.units.district.id))).statusCode).toBe(404);
    expect((await suoHandler.session.request('GET', cellUrl(ipTask, tenant.units.district.id))).statusCode).toBe(404);
  });

  it('lets the unit’s own liaison write a note (audited); others 403, outside 404, a future date 400', async () => {
    const body = {
      taskId: foodTask,
      unitId: tenant.units.office.id,
      noteDate: daysAgo(1),
      text: '已完成辖区冷链食品经营户全覆盖检查。',
    };
    const ok = await post(suoLiaison.session, noteUrl(), body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ authorName: 'tp_liaison', noteDate: daysAgo(1) });
    expect((await post(suoHandler.session, noteUrl(), body)).statusCode).toBe(403);
    expect((await post(office, noteUrl(), body)).statusCode).toBe(403);
    expect((await post(siblingOffice.session, noteUrl(), body)).statusCode).toBe(404);
    expect((await post(suoLiaison.session, noteUrl(), { ...body, taskId: otherTask })).statusCode).toBe(404);
    expect((await post(suoLiaison.session, noteUrl(), { ...body, noteDate: daysAgo(-2) })).statusCode).toBe(400);
    const cell = (await suoLiaison.session.request('GET', cellUrl(foodTask, tenant.units.office.id))).json();
    expect(cell.notes).toHaveLength(1);
    expect(cell.can.addNote).toBe(true);
    const audit = await t.services.auditService.list(systemActor, {
      recordId: ok.json().id,
      page: 1,
      pageSize: 5,
    } as never);
    expect(JSON.stringify(audit)).toContain('task_progress_note.create');
    expect(cellOf(await grid(office), foodTask, tenant.units.office.id).noteCount).toBe(1);
  });

  it('a note of the 牵头 unit ends its inactivity and its inbox item', async () => {
    const res = await post(office, noteUrl(), {
      taskId: ipTask,
      unitId: tenant.units.district.id,
      noteDate: today,
      text: '召开知识产权专项推进会。',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(cellOf(await grid(office), ipTask, tenant.units.district.id)).toMatchObject({
      inactive: false,
      noteCount: 1,
      lastActivity: today,
    });
    const inbox = (await office.request('GET', '/api/inbox')).json();
    expect(inbox.items.some((i: { kind: string }) => i.kind === 'task_inactive')).toBe(false);
  });
});

describe('imports', () => {
  it('tag each imported lead by the same default rule', async () => {
    const res = await office.upload(
      `/api/campaigns/${campaignId}/leads/import`,
      '12315导出.csv',
      [
        '登记编号,来源,登记日期,承办单位,违法类型,被投诉举报对象,诉求内容,投诉举报人,联系电话,证件号码,重要线索',
        `TP-IMP-1,,${daysAgo(3)},${tenant.units.office.code},食品安全违法,某超市,购买的牛奶已过期,,,,`,
        `TP-IMP-2,,${daysAgo(3)},${tenant.units.district.code},知识产权违法,某商店,销售假冒运动鞋,,,,`,
      ].join('\n'),
    );
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.database.db.select().from(leads).where(eq(leads.campaignId, campaignId));
    expect(rows.find((r) => r.sourceNumber === 'TP-IMP-1')!.taskId).toBe(foodTask);
    expect(rows.find((r) => r.sourceNumber === 'TP-IMP-2')!.taskId).toBe(ipTask);
  });
});
