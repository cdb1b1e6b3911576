import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../src/modules/campaigns/campaigns.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let plan: ReturnType<typeof samplePlan>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'liaison'] });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  plan = samplePlan({
    leadUnitId: tenant.units.office.id,
    participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
  });
});
afterAll(() => t.close());

const countCampaigns = async () => (await t.database.db.select().from(campaigns)).length;

describe('campaign plans', () => {
  it('creates a whole plan; 其他违法 is added as the last category', async () => {
    const res = await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      status: 'draft',
      unitId: tenant.units.district.id,
      docNumber: '测市监执〔2026〕1号',
      version: 1,
    });
    expect(c.categories.map((x: { label: string }) => x.label)).toEqual(['食品安全违法', '知识产权违法', '其他违法']);
    expect(c.tasks[0]).toMatchObject({
      title: '食品安全违法案件查处任务',
      leadUnitIds: [tenant.units.office.id],
      focusProducts: ['冷链食品'],
    });
    expect(c.reportSchedules[0]).toMatchObject({ kind: 'monthly', dayOfMonth: 2, id: expect.any(String) });
    expect(c.can).toMatchObject({ edit: true, changeStatus: true });
  });

  it('refuses a bad plan naming every bad field, and saves nothing', async () => {
    const before = await countCampaigns();
    const bad = {
      ...plan,
      unitId: tenant.units.district.id,
      phases: [{ name: '动员部署', startDate: '2026-02-01', endDate: '2026-03-10', description: '' }],
      concentratedWindows: [
        { name: '第一次', startDate: '2026-05-01', endDate: '2026-05-07' },
        { name: '第二次', startDate: '2026-05-05', endDate: '2026-05-09' },
      ],
      tasks: [{ area: '重点任务', title: '无人牵头的任务', content: '', categoryCode: 'food', leadUnitIds: [] }],
      participantUnitIds: [tenant.units.sibling.id],
    };
    const res = await office.request('POST', '/api/campaigns', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['concentratedWindows.1.startDate', 'participantUnitIds.0', 'phases.0.startDate', 'tasks.0.leadUnitIds'].sort(),
    );
    expect(body.detail).toMatch(/没有牵头单位/);
    expect(body.detail).toMatch(/时间重叠/);
    expect(body.detail).toMatch(/不在行动时间/);
    expect(body.detail).toMatch(/不在发文单位/);
    expect(await countCampaigns()).toBe(before);
  });

  it('keeps the period a fixed-date report covers and whether the last monthly report is owed after the end', async () => {
    const reportSchedules = [
      { kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: true, afterEnd: true },
      { kind: 'dates', name: '季度', dates: ['2026-07-02', '2026-10-02'], covers: 'quarter' },
      { kind: 'dates', name: '全年', dates: ['2026-12-15'], covers: 'yearToDate' },
    ];
    const res = await office.request('POST', '/api/campaigns', {
      unitId: tenant.units.district.id,
      ...plan,
      reportSchedules,
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.reportSchedules.map(({ id: _id, ...x }: { id: string }) => x)).toEqual(reportSchedules);
    const periods = (name: string) =>
      c.deadlines
        .filter((d: { name: string }) => d.name === name)
        .map((d: { periodStart: string; periodEnd: string; dueDate: string }) => [
          d.periodStart,
          d.periodEnd,
          d.dueDate,
        ]);
    expect(periods('季度')).toEqual([
      ['2026-04-01', '2026-06-30', '2026-07-02'],
      ['2026-07-01', '2026-09-30', '2026-10-02'],
    ]);
    expect(periods('全年')).toEqual([['2026-01-01', '2026-12-14', '2026-12-15']]);
    // The plan ends on 15 December and asks for December's figures all the same: due 2 January.
    expect(periods('月报').at(-1)).toEqual(['2026-01-01', '2026-12-15', '2027-01-02']);
  });

  it('refuses report dates that would cover the same period twice or nothing inside the campaign, and an unknown period rule', async () => {
    const res = await office.request('POST', '/api/campaigns', {
      unitId: tenant.units.district.id,
      ...plan,
      reportSchedules: [
        { kind: 'dates', name: '季度', dates: ['2026-07-02', '2026-07-20'], covers: 'quarter' },
        { kind: 'dates', name: '小结', dates: ['2026-12-20', '2026-12-30'] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: 'reportSchedules.0.dates.1',
        message: '报送日期 2026-07-20 与 2026-07-02 统计同一期间（2026-04-01 至 2026-06-30），每期只报送一次',
      },
      {
        path: 'reportSchedules.1.dates.1',
        message: '报送日期 2026-12-30 的统计期间在行动结束（2026-12-15）之后，不需报送',
      },
    ]);
    const unknown = await office.request('POST', '/api/campaigns', {
      unitId: tenant.units.district.id,
      ...plan,
      reportSchedules: [{ kind: 'dates', name: '半年', dates: ['2026-07-02'], covers: 'halfYear' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('reportSchedules.0.covers');
  });

  it('saves a whole plan with optimistic locking; a stale version loses nothing', async () => {
    const c = (await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan })).json();
    const edited = {
      ...plan,
      version: c.version,
      name: '改过的方案',
      tasks: [
        { ...plan.tasks[0], id: c.tasks[0].id },
        {
          area: '工作措施',
          title: '新增任务',
          content: '',
          categoryCode: 'other',
          leadUnitIds: [tenant.units.district.id],
        },
      ],
    };
    const saved = await office.request('PUT', `/api/campaigns/${c.id}`, edited);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().tasks.map((x: { id: string; title: string }) => x.title)).toEqual([
      '食品安全违法案件查处任务',
      '新增任务',
    ]);
    expect(saved.json().tasks[0].id).toBe(c.tasks[0].id);
    const stale = await office.request('PUT', `/api/campaigns/${c.id}`, { ...edited, name: '又改一次' });
    expect(stale.statusCode).toBe(409);
    expect((await office.request('GET', `/api/campaigns/${c.id}`)).json().name).toBe('改过的方案');
  });

  it("keeps the report schedules' ids through an edit that does not send them (their submitted reports hang on them)", async () => {
    const c = (await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan })).json();
    const ids = c.reportSchedules.map((x: { id: string }) => x.id);
    const withoutIds = c.reportSchedules.map(({ id: _id, ...x }: { id: string }) => x);
    const renamed = { ...withoutIds[0], name: '改名后的月报' };
    const saved = await office.request('PUT', `/api/campaigns/${c.id}`, {
      ...plan,
      version: c.version,
      reportSchedules: [...withoutIds, renamed],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json().reportSchedules.map((x: { id: string }) => x.id);
    expect(after.slice(0, ids.length)).toEqual(ids);
    expect(ids).not.toContain(after[ids.length]); // a schedule of another name is a new one
  });

  it('shows a campaign to its participants and hides it from everyone else', async () => {
    const c = (await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan })).json();
    const child = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
    const seen = await child.request('GET', `/api/campaigns/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().can.edit).toBe(false);
    expect(seen.json().units.map((u: { id: string }) => u.id)).toContain(tenant.units.district.id);
    const sibling = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
    expect((await sibling.request('GET', `/api/campaigns/${c.id}`)).statusCode).toBe(404);
    expect(
      (await sibling.request('GET', '/api/campaigns')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(c.id);
    expect((await child.request('PUT', `/api/campaigns/${c.id}`, { ...plan, version: c.version })).statusCode).toBe(
      403,
    );
  });

  it('searches for % and _ as themselves, not as wildcards', async () => {
    const create = async (name: string, docNumber: string) =>
      (
        await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan, name, docNumber })
      ).json();
    const percent = await create('覆盖率100%专项行动方案', '测市监执〔2026〕91号');
    const under = await create('甲_乙专项行动方案', '测市监执〔2026〕92号');
    await create('覆盖率1000专项行动方案', '测市监执〔2026〕93号');
    await create('甲丙乙专项行动方案', '测市监执〔2026〕94号');
    const ids = async (q: string) =>
      (await office.request('GET', `/api/campaigns?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await ids('覆盖率100%')).toEqual([percent.id]);
    expect(await ids('甲_乙')).toEqual([under.id]);
    expect(await ids('〔2026〕9_号')).toEqual([]);
  });

  it('copies and archives; an archived plan is read-only', async () => {
    const c = (await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan })).json();
    const copy = await office.request('POST', `/api/campaigns/${c.id}/copy`);
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: `${plan.name}（副本）`, status: 'draft' });
    expect(copy.json().tasks).toHaveLength(2);
    expect(copy.json().tasks[0].id).not.toBe(c.tasks[0].id);
    const archived = await office.request('POST', `/api/campaigns/${c.id}/status`, {
      version: c.version,
      status: 'archived',
    });
    expect(archived.json()).toMatchObject({ status: 'archived', can: { edit: false } });
    expect(
      (await office.request('PUT', `/api/campaigns/${c.id}`, { ...plan, version: archived.json().version })).statusCode,
    ).toBe(403);
  });

  it('registers liaisons per unit, shows who is missing, and exports annex 1', async () => {
    const c = (await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan })).json();
    const liaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
    const body = {
      leader: { name: '王副局长', position: '副局长', officePhone: '021-69611097', mobile: '13800138000' },
      liaison: { name: '莫涛', position: '科员', mobile: '13900139000', fax: '021-69611098' },
    };
    const put = await liaison.request('PUT', `/api/campaigns/${c.id}/liaisons/${tenant.units.district.id}`, body);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ registered: true, leader: { name: '王副局长' } });
    const bad = await liaison.request('PUT', `/api/campaigns/${c.id}/liaisons/${tenant.units.district.id}`, {
      ...body,
      liaison: { ...body.liaison, mobile: '139' },
    });
    expect(bad.json().errors[0]).toMatchObject({ path: 'liaison.mobile', message: '手机号码应为 11 位数字' });
    const list = (await office.request('GET', `/api/campaigns/${c.id}/liaisons`)).json();
    expect(list.missing).toBe(1);
    expect(list.items.find((i: { unitId: string }) => i.unitId === tenant.units.office.id).registered).toBe(false);
    const outside = await liaison.request('PUT', `/api/campaigns/${c.id}/liaisons/${tenant.units.sibling.id}`, body);
    expect(outside.statusCode).toBe(404);

    const xlsx = await office.request('GET', `/api/campaigns/${c.id}/liaisons.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cells = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(cells).toEqual(
      expect.arrayContaining([
        '附件1',
        '部门',
        '姓名',
        '职务',
        '办公电话',
        '手机',
        '传真',
        '分管领导',
        '联络员',
        '王副局长',
        '13900139000',
        tenant.units.office.name,
      ]),
    );
  });

  it('writes the plan as a GB/T 9704 .docx and the task matrix as .xlsx', async () => {
    const c = (await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan })).json();
    const docx = await office.request('GET', `/api/campaigns/${c.id}/plan.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent(plan.name));
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      '测试区市场监督管理局文件',
      '测市监执〔2026〕1号',
      '一、',
      '工作目标',
      '（一）动员部署',
      '牵头单位',
      '2026年3月1日',
    ])
      expect(xml).toContain(s);
    // 附件说明: "附件：" then a real tab to where the name starts, so a long name wraps under itself.
    expect(xml).toMatch(/附件：<\/w:t>.*?<w:tab\/><w:t[^>]*>联络员表/);
    expect(xml).toMatch(/w:pgMar w:top="2098"/); // 37 mm
    expect(xml).toMatch(/w:left="1587"/); // 28 mm

    const matrix = await office.request('GET', `/api/campaigns/${c.id}/task-matrix.xlsx`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(matrix.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['序号', '重点任务', tenant.units.office.name]));
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['食品安全违法案件查处任务', '牵头']));
  });
});
