import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { createServices } from '../src/services';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo, seedDemoAtomically } from '../src/seed/demo';
import { createTestApp, login, type TestApp } from './helpers/app';

let t: TestApp;
/** The API that reads what a web page of the inbox opens (a report's page reads its item). */
const apiOf = (link: string) =>
  link
    .replace(/^(\/campaigns\/[^/]+)\/report\?/, '$1/reports/item?')
    .replace(/^\/case-reviews\//, '/case-review-exercises/');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('builds a city bureau with two districts laid out like seed 004, once, all or nothing', async () => {
    // A seed that fails late (at the reports) leaves nothing behind; the next one builds it all.
    const failingAtTheEnd = (db: Parameters<typeof createServices>[0]) => {
      const services = createServices(db);
      return {
        ...services,
        reportsService: { ...services.reportsService, submit: () => Promise.reject(new Error('磁盘已满')) },
      };
    };
    await expect(seedDemoAtomically(t.database.db, failingAtTheEnd)).rejects.toThrow('磁盘已满');
    expect(await t.services.unitsService.list(systemActor, { includeInactive: true })).toEqual([]);
    expect(await seedDemoAtomically(t.database.db)).toBe(true);
    expect(await seedDemo(t.services)).toBe(false);
    const all = await t.services.unitsService.list(systemActor, { includeInactive: true });
    const byCode = new Map(all.map((u) => [u.code, u]));
    expect(byCode.get('SH')).toMatchObject({ kind: 'bureau', divisionCode: '310000', depth: 0 });
    expect(byCode.get('CM')).toMatchObject({ kind: 'bureau', divisionCode: '310151', parentId: byCode.get('SH')!.id });
    expect(byCode.get('PD')).toMatchObject({ kind: 'bureau', divisionCode: '310115' });
    const cmChildren = all.filter((u) => u.parentId === byCode.get('CM')!.id);
    expect(new Set(cmChildren.map((u) => u.kind))).toEqual(new Set(['section', 'brigade', 'office']));
    expect(cmChildren.map((u) => u.name)).toEqual(
      expect.arrayContaining(['执法监督管理科', '执法大队', '城桥市场监管所']),
    );
  }, 180_000); // seeds the demo twice (one rolled back): slow on a loaded machine

  it('gives one user per role who can log in, and keeps 所 users out of a sibling 所', async () => {
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(['admin', 'handler', 'leader', 'liaison', 'office', 'reviewer', 'supervisor']);
    const pd = await login(t.app, 'pd_liaison', DEMO_PASSWORD);
    const visible = (await pd.request('GET', '/api/units')).json().items.map((u: { code: string }) => u.code);
    expect(visible).toEqual(['PD-LJZS']);
    const cm = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const pdUnit = (await t.services.unitsService.list(systemActor, { includeInactive: false })).find(
      (u) => u.code === 'PD-LJZS',
    )!;
    expect((await cm.request('GET', `/api/units/${pdUnit.id}`)).statusCode).toBe(404);
  });

  it('fills the live campaign with cases at every stage and leads on their clocks', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const ledger = (await office.request('GET', '/api/cases?pageSize=100')).json();
    // The 执法大队's seven, and a decided case each of 城桥所 and 堡镇所 (drawn for the 案卷评查);
    // and last year's four of the archived predecessor plan (demo-lastyear.ts).
    // And the one decided for 信用监管 whose publication falls due in days (demo-credit.ts).
    expect(ledger.total).toBe(14);
    expect(new Set(ledger.items.map((c: { stage: string }) => c.stage)).size).toBeGreaterThanOrEqual(5);
    expect(ledger.items.find((c: { caseNumber: string }) => c.caseNumber.endsWith('001号'))).toMatchObject({
      stage: 'closed',
      finesAndConfiscations: '20860.00',
      typical: true,
    });
    const leads = (await office.request('GET', '/api/leads?pageSize=100')).json();
    // Four 12315 leads, one an inspection's finding opened, one handed over to 农业农村 (demo-transfers.ts),
    // and the 立案 of a failed 月饼 sample (demo-samples.ts).
    expect(leads.items.map((l: { status: string }) => l.status).sort()).toEqual([
      'filed',
      'handed_over',
      'not_filed',
      'verifying',
      'verifying',
      'verifying',
      'verifying',
      'verifying',
    ]);
    expect(leads.items.filter((l: { source: string }) => l.source === 'inspection')).toHaveLength(3);
    expect((await office.request('GET', '/api/leads?due=due_soon')).json().total).toBe(1);
    expect((await office.request('GET', '/api/leads?due=overdue')).json().total).toBe(1);
    // The office does not handle the leads: complainants are masked for it.
    expect(leads.items.every((l: { complainantMasked: boolean }) => l.complainantMasked)).toBe(true);
  });

  it('shows 行刑衔接: a transfer to the police answered, one pending, a lead handed over, a 涉刑不移 flag', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const ledger = (await office.request('GET', '/api/transfers')).json();
    expect(ledger.items.map((i: { status: string }) => i.status).sort()).toEqual(['accepted', 'filed', 'sent']);
    expect(ledger.items.find((i: { leadId: string | null }) => i.leadId).receiverKind).toBe('agriculture');
    const inbox = (await office.request('GET', '/api/inbox')).json();
    const flag = inbox.items.find((i: { kind: string }) => i.kind === 'criminal_not_transferred');
    expect(flag.title).toContain('化肥');
    const card = (await office.request('GET', `/api/cases/${flag.recordId}/transfers`)).json();
    expect(card.guard).toMatchObject({ flagged: true, minAmount: '50000.00' });
  });

  it('has requests of every kind awaiting cm_leader, and some he approved', async () => {
    const leader = await login(t.app, 'cm_leader', DEMO_PASSWORD);
    const mine = (await leader.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(mine.items.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'campaign_issue',
      'case_closing',
      'case_extension',
      'case_filing',
      'disclosure_publish',
      'lead_extension',
    ]);
    expect(mine.items.every((r: { requestedByName: string }) => r.requestedByName)).toBe(true);
    expect(mine.items.find((r: { kind: string }) => r.kind === 'case_filing')).toMatchObject({
      description: expect.stringContaining('立案日期以批准之日为准'),
    });
    // The category in the plan's words (违法类型：食品…), never its code.
    expect(mine.items.find((r: { kind: string }) => r.kind === 'case_filing').description).toMatch(
      /违法类型：[^；a-z]+；/,
    );
    // The pending ones have changed nothing yet: the plan is a draft, the case still in 执行.
    const issue = mine.items.find((r: { kind: string }) => r.kind === 'campaign_issue');
    expect((await leader.request('GET', `/api/campaigns/${issue.recordId}`)).json().status).toBe('draft');
    const closing = mine.items.find((r: { kind: string }) => r.kind === 'case_closing');
    expect((await leader.request('GET', `/api/cases/${closing.recordId}`)).json().stage).toBe('execution');
    const all = (await leader.request('GET', '/api/approvals')).json();
    const decided = all.items.filter((r: { status: string }) => r.status === 'approved');
    // The district plans' 签发 (铁拳, last year's 铁拳 of demo-lastyear.ts and the 假冒伪劣 治理 实施方案 of
    // demo-kpis.ts), case no. 6's 30 days and the typical case's 曝光 (the city plans' 签发 is the city's).
    expect(decided.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'campaign_issue',
      'campaign_issue',
      'campaign_issue',
      'case_extension',
      'disclosure_publish',
    ]);
    const approved = decided.find((r: { kind: string }) => r.kind === 'case_extension');
    const c = (await leader.request('GET', `/api/cases/${approved.recordId}`)).json();
    expect(c.clock.allowedDays).toBe(120);
    expect(c.clockEvents).toMatchObject([{ kind: 'approved_extension', days: 30 }]);
  });

  it('fills the field work: outings with their totals, the register, a 5 % draw with published results', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const totals = (await office.request('GET', '/api/inspections/totals')).json();
    // Eight outings of demo-inspections.ts, three of 城桥所 naming entities (demo-entities.ts) and three
    // with 责令整改 (demo-field-rectifications.ts).
    expect(totals.total.outings).toBe(14);
    expect(totals.total.staffDeployed).toBe(94);
    // The imported 120, the supermarket and the trading company of the credit demo, one registered on an outing.
    expect((await office.request('GET', '/api/market-entities?pageSize=1')).json().total).toBe(123);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    expect(draw).toMatchObject({ candidateCount: 120, size: { share: 0.05 } });
    expect((await office.request('GET', `/api/random-draws/${draw.id}/verify`)).json().reproducible).toBe(true);
    const kpis = (await office.request('GET', `/api/campaigns/${draw.campaignId}/random-checks`)).json();
    // The 铁拳 plan sets no 双随机 KPI: no target (seed 003's plan has one, below).
    // One result more than published: the 私宰肉 finding that opened a lead (demo-field-rectifications.ts).
    expect(kpis).toMatchObject({ registered: 123, drawn: 6, completed: 6, published: 4, coverageTarget: null });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/check-results' })).json();
    // 4 of the 铁拳 draw, 7 of last year's and 4 of this year's under seed 003's 实施方案 (demo-kpis.ts).
    expect(pub.total).toBe(15);
  });

  it('shows 责令整改 on outings (closed, open, overdue) and a 双随机 finding that opened a lead', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const field = (await office.request('GET', '/api/rectifications?source=field&pageSize=50')).json();
    const rows = field.items as { source: string; status: string; overdue: boolean; entityName: string | null }[];
    expect(rows.filter((r) => r.source === 'inspection').map((r) => [r.status, r.overdue])).toEqual(
      expect.arrayContaining([
        ['closed', false],
        ['open', true],
        ['open', false],
      ]),
    );
    expect(rows.every((r) => r.entityName)).toBe(true);
    expect(rows.some((r) => r.source === 'random_check')).toBe(true);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const items = (await office.request('GET', `/api/random-draws/${draw.id}`)).json().items as {
      leadId: string | null;
    }[];
    const leadId = items.find((i) => i.leadId)!.leadId!;
    const lead = (await office.request('GET', `/api/leads/${leadId}`)).json();
    expect(lead.origin).toMatchObject({ kind: 'random_check', recordId: draw.id });
    const liaison = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const inbox = (await liaison.request('GET', '/api/inbox')).json();
    expect(
      inbox.items.some((i: { kind: string; overdue: boolean }) => i.kind === 'rectification_field_open' && i.overdue),
    ).toBe(true);
  });

  it('measures seed 003’s KPIs per year across the city plan and 崇明’s 实施方案, and 铁拳’s monthly quotas', async () => {
    const city = await login(t.app, 'sh_office', DEMO_PASSWORD);
    const plans = (await city.request('GET', '/api/campaigns?pageSize=50')).json().items as {
      id: string;
      name: string;
      templateKey: string | null;
      parentCampaignId?: string | null;
    }[];
    const plan = plans.find((p) => p.name.startsWith('上海市市场监督管理局') && p.name.includes('假冒伪劣'))!;
    const thisYear = todayInChina().slice(0, 4);
    const lastYear = String(Number(thisYear) - 1);
    const get = async (period: string) =>
      (await city.request('GET', `/api/campaigns/${plan.id}/kpis?period=${period}`)).json().kpis as {
        measure: string;
        rows: { unitLabel: string; unitId: string; numerator: number; denominator: number; met: boolean | null }[];
      }[];
    const [coverage, publication, kitchens] = await get(lastYear);
    const cm = (k: typeof coverage) => k.rows.find((r) => r.unitLabel.includes('崇明'))!;
    expect(cm(coverage)).toMatchObject({ numerator: 7, denominator: 123, met: true });
    expect(cm(publication)).toMatchObject({ numerator: 7, denominator: 7, met: true });
    // The three 所's 明厨亮灶 figures under the 实施方案, summed for 崇明: 225 of 277.
    expect(cm(kitchens)).toMatchObject({ numerator: 225, denominator: 277, met: true });
    const [coverageNow, publicationNow] = await get(thisYear);
    expect(cm(coverageNow)).toMatchObject({ numerator: 5, denominator: 123, met: false });
    expect(cm(publicationNow)).toMatchObject({ numerator: 4, denominator: 5, met: false });
    const records = (
      await city.request(
        'GET',
        `/api/campaigns/${plan.id}/kpis/0/records?period=${lastYear}&unitId=${cm(coverage).unitId}`,
      )
    ).json();
    expect(records.records).toHaveLength(7);

    // 铁拳 (seed 004): the district plan's two monthly quotas, from the demo's cases and leads.
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const tiequan = (await office.request('GET', '/api/campaigns?pageSize=50'))
      .json()
      .items.find(
        (p: { templateKey: string | null; unitName?: string; name: string }) =>
          p.templateKey === 'tiequan-2021' && p.name.includes('实施方案'),
      );
    const quotas = (await office.request('GET', `/api/campaigns/${tiequan.id}/kpis`)).json().kpis;
    expect(quotas.map((k: { measure: string; period: string }) => `${k.measure}/${k.period}`)).toEqual([
      'typical_cases_closed/month',
      'important_leads/month',
    ]);
    const counted = (m: { rows: { numerator: number }[] }[]) =>
      m.flatMap((k) => k.rows).reduce((s, r) => s + r.numerator, 0);
    let total = 0;
    for (const p of quotas[0].periods as { label: string }[])
      total += counted(
        (await office.request('GET', `/api/campaigns/${tiequan.id}/kpis?period=${p.label}`)).json().kpis,
      );
    expect(total).toBeGreaterThan(0);
  });

  it('fills the reporting: monthly reports on time, late, returned and missing on the board', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const board = (await office.request('GET', `/api/campaigns/${draw.campaignId}/reports/board`)).json();
    const states = board.cells.map((c: { state: string; late: boolean }) => `${c.state}${c.late ? '-late' : ''}`);
    // Whether a month is already due depends on today's date; when one is, the board shows every kind.
    if (board.rates.expected > 0) {
      expect(states).toContain('missing');
      expect(states).toContain('returned');
      expect(states.some((s: string) => s.endsWith('-late'))).toBe(true);
      expect(board.rates.missing).toBe(2);
      expect(board.rates.onTime + board.rates.late + board.rates.missing).toBe(board.rates.expected);
    }
    expect(board.units.length).toBeGreaterThan(5);
    // The quarterly reports (seed 004: 7月2日、10月2日) each cover a calendar quarter, and are filled in as the monthly ones.
    const campaign = (await office.request('GET', `/api/campaigns/${draw.campaignId}`)).json();
    const quarterly = campaign.reportSchedules.find(
      (s: { kind: string; covers?: string }) => s.kind === 'dates' && s.covers === 'quarter',
    );
    const quarters = (
      await office.request('GET', `/api/campaigns/${draw.campaignId}/reports/board?scheduleId=${quarterly.id}`)
    ).json();
    for (const p of quarters.periods) {
      const [y, m] = [Number(p.periodStart.slice(0, 4)), Number(p.periodStart.slice(5, 7))];
      expect([p.periodStart.slice(8), m % 3]).toEqual(['01', 1]);
      expect(p.periodEnd).toBe(new Date(Date.UTC(y, m + 2, 0)).toISOString().slice(0, 10));
    }
    expect(quarters.periods[0]).toMatchObject({
      periodStart: `${campaign.startDate.slice(0, 4)}-04-01`,
      periodEnd: `${campaign.startDate.slice(0, 4)}-06-30`,
    });
    if (quarters.rates.expected > 0) expect(quarters.rates.missing).toBe(2);
    // The district's board lists its fifteen departments, each by its own name (no other district's on it).
    expect(board.units.map((u: { unitLabel: string }) => u.unitLabel)).toEqual(
      expect.arrayContaining(['执法监督管理科', '执法大队', '城桥市场监管所']),
    );
    expect(board.units).toHaveLength(15);
    if (board.rates.expected > 15) expect(states).toContain('accepted');
    // The office has chased the latest period's late departments (the two missing and the one returned).
    const overdue = board.cells.filter((c: { overdue: boolean }) => c.overdue);
    if (board.rates.expected > 0)
      expect(overdue.map((c: { chasedByName: string | null }) => c.chasedByName)).toEqual(['莫涛', '莫涛', '莫涛']);

    // The city's board: only its own section and its two districts owe the city plan (seeds 000 and 004), and
    // it shows a real month too — accepted, a district's latest sent late awaiting review, one missing.
    const city = await login(t.app, 'sh_office', DEMO_PASSWORD);
    const cityPlan = (await city.request('GET', '/api/campaigns'))
      .json()
      .items.find((c: { name: string }) => c.name.startsWith('上海市市场监督管理局'));
    const cityBoard = (await city.request('GET', `/api/campaigns/${cityPlan.id}/reports/board`)).json();
    expect(cityBoard.units.map((u: { unitLabel: string }) => u.unitLabel)).toEqual([
      '上海市崇明区市场监督管理局',
      '上海市浦东新区市场监督管理局',
      '执法稽查处',
    ]);
    if (cityBoard.rates.expected > 0) {
      const cityStates = cityBoard.cells.map(
        (c: { state: string; late: boolean }) => `${c.state}${c.late ? '-late' : ''}`,
      );
      expect(cityStates).toEqual(expect.arrayContaining(['accepted', 'submitted-late', 'missing']));
      expect(cityBoard.rates.missing).toBe(1);
    }
    // 城桥所's liaison is reminded only of what the 所 owes the district's plan, never of the city's.
    const liaison = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const reminders = (await liaison.request('GET', '/api/reports/reminders')).json().items;
    expect(reminders.filter((r: { campaignId: string }) => r.campaignId !== draw.campaignId)).toEqual([]);
    // 报表附件: the liaison sent a 情况说明 (.docx) with the 所's first monthly report, and a photo with the latest.
    if (board.rates.expected > 0) {
      const station = board.units.find((u: { unitLabel: string }) => u.unitLabel === '城桥市场监管所');
      const filesOf = (periodEnd: string) =>
        liaison.request(
          'GET',
          `/api/campaigns/${draw.campaignId}/reports/attachments?scheduleId=${board.scheduleId}&periodEnd=${periodEnd}&unitId=${station.unitId}`,
        );
      const [note] = (await filesOf(board.periods[0].periodEnd)).json().items;
      expect(note).toMatchObject({ fileName: '典型案件情况说明.docx', uploadedByName: expect.any(String) });
      const docx = await liaison.request('GET', `/api/report-attachments/${note.id}/content`);
      expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const due = board.periods.filter((p: { dueDate: string }) => p.dueDate < todayInChina());
      const latest = (await filesOf(due.at(-1).periodEnd)).json().items;
      if (due.length > 1) expect(latest.map((f: { mimeType: string }) => f.mimeType)).toEqual(['image/png']);
    }
    // Last month's quota: the 执法大队 closed its typical case and received its important lead then, whatever today's date.
    const today = todayInChina(); // the seed's today
    const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 15))
      .toISOString()
      .slice(0, 7);
    const quotas = (await office.request('GET', `/api/campaigns/${draw.campaignId}/quotas?month=${lastMonth}`)).json();
    expect(quotas.rows.find((r: { unitName: string }) => r.unitName === '执法大队')).toMatchObject({
      typicalCasesClosed: 1,
      importantLeads: 1,
      met: true,
    });
  });

  it('fills the 重大情况报告: one acknowledged with the office’s comment, two awaiting it', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const seen = (await office.request('GET', `/api/campaigns/${draw.campaignId}/major-events`)).json();
    expect(seen.pendingCount).toBe(2);
    expect(seen.canAcknowledge).toBe(true);
    expect(seen.items.map((e: { kindLabel: string }) => e.kindLabel).sort()).toEqual([
      '大案要案',
      '疑难问题',
      '重大情况',
    ]);
    expect(seen.items.find((e: { kind: string }) => e.kind === 'major_case').caseName).toBe(
      '某保健品公司发布虚假广告案',
    );
    const liaison = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const own = (await liaison.request('GET', `/api/campaigns/${draw.campaignId}/major-events`)).json();
    // The 所 sees its own two, not the 执法大队's; the first answered with the office's 批示.
    expect(own.items).toHaveLength(2);
    expect(own.items.find((e: { status: string }) => e.status === 'acknowledged').acknowledgement).toContain('已阅');
  });

  it('has the district’s 典型案例评选, 表彰 and 问责, and 办案能手 in the talent pool', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const noms = (await office.request('GET', `/api/campaigns/${draw.campaignId}/typical-nominations`)).json();
    expect(noms.items.map((n: { status: string }) => n.status).sort()).toEqual([
      'nominated',
      'not_selected',
      'selected',
      'selected',
    ]);
    expect(
      noms.items.every(
        (n: { decisionReason: string | null; status: string }) => n.status === 'nominated' || n.decisionReason,
      ),
    ).toBe(true);
    const commended = (await office.request('GET', `/api/campaigns/${draw.campaignId}/commendations`)).json();
    expect(commended.items.map((c: { kindLabel: string }) => c.kindLabel).sort()).toEqual(['先进集体', '办案能手']);
    const pool = (await office.request('GET', '/api/talent-pool')).json();
    expect(pool.items).toEqual([expect.objectContaining({ kindLabel: '办案能手', personLabel: expect.any(String) })]);
    const measures = (await office.request('GET', `/api/campaigns/${draw.campaignId}/accountability`)).json();
    expect(measures.items).toHaveLength(1);
    expect(measures.items[0]).toMatchObject({
      measureLabel: '通报批评',
      evidence: [
        expect.objectContaining({ type: 'rectification', link: expect.stringMatching(/^\/rectifications\//) }),
      ],
    });
  });

  it('has the district’s 工作简报: 第1期 issued with the departments’ own words, the next one a draft', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const items = (await office.request('GET', `/api/campaigns/${draw.campaignId}/briefings`)).json().items;
    const campaign = (await office.request('GET', `/api/campaigns/${draw.campaignId}`)).json();
    const monthly = campaign.reportSchedules.find((s: { kind: string }) => s.kind === 'monthly');
    const board = (
      await office.request('GET', `/api/campaigns/${draw.campaignId}/reports/board?scheduleId=${monthly.id}`)
    ).json();
    // Whether two months are already due depends on today's date; when they are, there is one of each.
    const due = board.periods.filter((p: { dueDate: string }) => p.dueDate < todayInChina());
    if (due.length < 2) {
      expect(items.length).toBeLessThanOrEqual(due.length);
      return;
    }
    expect(items.map((b: { status: string; issueLabel: string | null }) => [b.status, b.issueLabel])).toEqual([
      ['draft', null],
      ['issued', '第1期'],
    ]);
    const first = (await office.request('GET', `/api/briefings/${items[1].id}`)).json();
    expect(first.paragraphs).toContain('三、各单位工作情况');
    expect(first.paragraphs.some((p: string) => p.startsWith('下步打算：'))).toBe(true);
    // 城桥所 sees the issued one, not the draft.
    const liaison = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const seen = (await liaison.request('GET', `/api/campaigns/${draw.campaignId}/briefings`)).json().items;
    expect(seen.map((b: { id: string }) => b.id)).toEqual([items[1].id]);
  });

  it('has 崇明’s 联合执法: two joint actions and a 联席会议, counted in the draft 简报', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const joint = (await office.request('GET', `/api/joint-operations?campaignId=${draw.campaignId}`)).json();
    expect(joint.totals).toMatchObject({ actions: 2, meetings: 1, staffDeployed: 88, entitiesInspected: 121 });
    const sentence =
      '会同公安、农业农村、卫健、教育等部门开展联合执法行动2次，出动执法人员88人次，检查经营主体121户次，发现问题15个，立案查处3起；与公安、检察院等部门召开联席会议1次。';
    const items = (await office.request('GET', `/api/campaigns/${draw.campaignId}/briefings`)).json().items;
    const latest = items.find((b: { status: string }) => b.status === 'draft') ?? items[0];
    if (latest)
      expect((await office.request('GET', `/api/briefings/${latest.id}`)).json().paragraphs).toContain(sentence);
    // The live draft over the whole plan counts them too.
    const draft = (
      await office.request('GET', `/api/campaigns/${draw.campaignId}/briefing-draft?kind=stage_summary`)
    ).json();
    expect(draft.paragraphs).toContain(sentence);
  });

  it('has 崇明’s 罚没物品: 私宰肉3478公斤 confiscated and destroyed with witnesses and photos, goods held, returned', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const ledger = (await office.request('GET', '/api/seized-goods')).json();
    const status = (goods: string) => ledger.items.find((i: { goods: string }) => i.goods.startsWith(goods))?.status;
    expect([status('私宰肉'), status('假冒注册商标白酒'), status('不合格成品油'), status('电动自行车')]).toEqual([
      'disposed',
      'in_custody',
      'partly_disposed',
      'disposed',
    ]);
    const meat = ledger.items.find((i: { goods: string }) => i.goods === '私宰肉');
    const record = (await office.request('GET', `/api/seized-goods/${meat.id}`)).json();
    expect(record).toMatchObject({ quantity: '3478', quantityUnit: '公斤', confiscatedQuantity: '3478' });
    const destroyed = record.disposals.find((d: { kind: string }) => d.kind === 'destroyed');
    expect(destroyed.witnesses.length).toBeGreaterThanOrEqual(2);
    const photo = record.attachments.find((a: { disposalId: string | null }) => a.disposalId === destroyed.id);
    expect(photo).toMatchObject({ mimeType: 'image/jpeg', takenLatitude: '31.622512' });
    expect(photo.takenAt).not.toBeNull();
  });

  it('has a 案卷评查 of the district: files of three units, scored crosswise, one left to 城桥所 liaison', async () => {
    const liaison = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const mine = (await liaison.request('GET', '/api/case-review-files/mine')).json().items;
    expect(mine.map((f: { status: string }) => f.status)).toEqual(['pending']);
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const e = (await office.request('GET', `/api/case-review-exercises/${mine[0].exerciseId}`)).json();
    expect(e.ranking.units).toHaveLength(3);
    expect(e.files.filter((f: { status: string }) => f.status === 'submitted').length).toBe(e.files.length - 1);
    expect((await office.request('GET', `/api/case-review-exercises/${e.id}/draw/verify`)).json().matches).toBe(true);
  });

  it('has a published 考核评分 of the district’s plan: a ranking whose every score drills down', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const [scheme] = (await office.request('GET', `/api/campaigns/${draw.campaignId}/assessment-schemes`)).json().items;
    expect(scheme.totalWeight).toBe(100);
    const [published] = (await office.request('GET', `/api/assessment-schemes/${scheme.id}/publications`)).json().items;
    const p = (await office.request('GET', `/api/assessment-publications/${published.id}`)).json();
    expect(p.rows.length).toBeGreaterThan(3);
    expect(new Set(p.rows.map((r: { total: number }) => r.total)).size).toBeGreaterThan(2);
    const top = p.rows[0];
    expect(top).toMatchObject({ rank: 1, unitName: '执法大队' });
    for (const ind of p.indicators as { kind: string }[]) {
      const res = await office.request(
        'GET',
        `/api/assessment-publications/${p.id}/records?unitId=${top.unitId}&kind=${ind.kind}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      if (top.values[ind.kind] > 0) expect(res.json().items.length, ind.kind).toBeGreaterThan(0);
    }
  });

  it('has the district’s 督查: four groups covering its units, two rounds, visits up to today and a verified draw', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const [draw] = (await office.request('GET', '/api/random-draws')).json().items;
    const groups = (await office.request('GET', `/api/campaigns/${draw.campaignId}/supervision-groups`)).json().items;
    expect(groups.map((g: { name: string }) => g.name)).toEqual([
      '第一督查组',
      '第二督查组',
      '第三督查组',
      '第四督查组',
    ]);
    expect(groups.flatMap((g: { area: unknown[] }) => g.area)).toHaveLength(15);
    const rounds = (await office.request('GET', `/api/campaigns/${draw.campaignId}/supervision-rounds`)).json().items;
    expect(rounds.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const visits = (await office.request('GET', `/api/supervision-visits?campaignId=${draw.campaignId}`)).json();
    expect(visits.total).toBe(8);
    expect(visits.items.every((v: { visitDate: string }) => v.visitDate <= todayInChina())).toBe(true);
    const second = (await office.request('GET', `/api/supervision-rounds/${rounds[1].id}`)).json();
    expect(second.draws).toHaveLength(1);
    const verify = (await office.request('GET', `/api/supervision-draws/${second.draws[0].id}/verify`)).json();
    expect(verify.reproducible).toBe(true);
    // The 城桥所 liaison in the second group sees its visits to 堡镇所 and the 大队, beyond his unit.
    const liaison = await login(t.app, 'cm_liaison', DEMO_PASSWORD);
    const mine = (await liaison.request('GET', '/api/supervision/my-groups')).json().items;
    expect(mine.map((g: { name: string }) => g.name)).toEqual(['第二督查组']);
    const seen = (await liaison.request('GET', `/api/supervision-visits?groupId=${mine[0].id}`)).json();
    expect(seen.total).toBe(3);
  });

  it('shows the task progress of 崇明’s plan: notes by its units, one 牵头 unit flagged', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const plans = (await office.request('GET', '/api/campaigns?pageSize=50')).json().items;
    const plan = plans.find((c: { name: string }) => c.name.includes('崇明区') && c.name.endsWith('实施方案'));
    const grid = (await office.request('GET', `/api/campaigns/${plan.id}/task-progress`)).json();
    const cells = grid.rows.flatMap(
      (r: { title: string; cells: { unitId: string; inactive: boolean; noteCount: number; total: number }[] }) =>
        r.cells.map((c) => ({
          ...c,
          title: r.title,
          unit: grid.units.find((u: { id: string }) => u.id === c.unitId).name,
        })),
    );
    expect(
      cells
        .filter((c: { inactive: boolean }) => c.inactive)
        .map((c: { title: string; unit: string }) => `${c.title}/${c.unit}`),
    ).toEqual(['知识产权违法案件查处任务/知识产权科']);
    expect(cells.filter((c: { noteCount: number }) => c.noteCount > 0).length).toBeGreaterThan(10);
    expect(cells.some((c: { total: number }) => c.total > 0)).toBe(true);
  });

  it('lands every role on an inbox (我的待办) with real items, each opening its record', async () => {
    const kinds: Record<string, string[]> = {};
    for (const u of DEMO_USERS) {
      const session = await login(t.app, u.username, DEMO_PASSWORD);
      const inbox = (await session.request('GET', '/api/inbox')).json();
      kinds[u.username] = Object.keys(inbox.counts).filter((k) => inbox.counts[k] > 0);
      for (const item of inbox.items)
        expect((await session.request('GET', `/api${apiOf(item.link)}`)).statusCode, item.link).toBe(200);
    }
    expect(kinds).toMatchObject({
      sh_office: expect.arrayContaining(['report_review', 'case_overdue']),
      // 督办: the 化肥 case's request waits for the district's office and leader to take it up.
      // 任务进展: 知识产权科 has neither a record nor a note on its task for four weeks.
      cm_office: expect.arrayContaining([
        // 抽检: the failed 散装白酒's 核查处置 is past its deadline (demo-samples.ts).
        'sample_follow_up_overdue',
        'report_review',
        'case_overdue',
        'lead_overdue',
        'case_supervision_request',
        'task_inactive',
        // 信用监管: case no. 3's penalty decision is overdue for publication, the new one due in days.
        'penalty_publication_due',
      ]),
      // 整改: 城桥所's answers wait for the 复查 of the group that visited it (第一督查组: cm_leader, cm_reviewer).
      cm_leader: expect.arrayContaining([
        'case_overdue',
        'lead_overdue',
        'approval',
        'case_supervision_request',
        'rectification_review',
      ]),
      // The city's leader may decide what 崇明区局 asks too (a leader above the unit).
      sh_leader: expect.arrayContaining(['approval']),
      cm_supervisor: expect.arrayContaining(['case_overdue']),
      cm_reviewer: ['case_review', 'rectification_review'],
      // 督办: the 虚假广告 case's progress report is overdue (进展逾期).
      cm_handler: expect.arrayContaining([
        'case_overdue',
        'case_due_soon',
        'lead_overdue',
        'lead_due_soon',
        'case_supervision_progress',
      ]),
      // The 双随机 finding's 责令整改 goes to the drawn inspectors too: the draw's seed decides whether he is one.
      cm_handler2: expect.arrayContaining(['case_execution']),
      cm_liaison: expect.arrayContaining([
        'report_returned',
        'liaison_register',
        'case_file_review',
        'rectification_open',
      ]),
      // 陆家嘴所 owes no reports (浦东 has no plan of its own) but has its people to name for the city's.
      pd_liaison: ['liaison_register'],
    });
    // The district's administrator follows up the newcomer's account opened and never used.
    expect(kinds.cm_admin).toEqual(['user_first_login']);
    // Who sent the departments' reports (代报) does not review them: the colleague who did finds none to review.
    expect(kinds.cm_office2).not.toContain('report_review');
    expect(kinds.sh_office2).toEqual(expect.arrayContaining(['report_review']));
    expect(Object.entries(kinds).filter(([, k]) => k.length === 0)).toEqual([]);
  });

  it('has 抽样检验: 月饼 16 batches, 2 failed (87.5%), one in follow-up (下架 done, 立案 open), one closed', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const rates = (await office.request('GET', '/api/samples/pass-rates')).json();
    expect(rates.byProduct.find((r: { product: string }) => r.product === '月饼')).toMatchObject({
      tested: 16,
      failed: 2,
      rate: '87.5%',
    });
    const failed = (await office.request('GET', '/api/samples?product=月饼&result=fail')).json();
    expect(failed.total).toBe(2);
    const open = failed.items.find((s: { followUp: { status: string } }) => s.followUp.status === 'open');
    expect(open.followUp).toMatchObject({
      measures: ['off_shelf', 'case'],
      offShelfQuantity: '46.000',
      overdue: false,
    });
    expect(open.followUp.leadId).toBeTruthy();
    expect(failed.items.find((s: { followUp: { status: string } }) => s.followUp.status === 'closed')).toBeTruthy();
  });

  it('puts last year beside this year: 同比, a carried case, and the 工作实施计划 board', async () => {
    const office = await login(t.app, 'cm_office', DEMO_PASSWORD);
    const list = (await office.request('GET', '/api/campaigns?pageSize=100')).json();
    const district = list.items.find(
      (c: { unitName: string; status: string; parentCampaignId: string | null }) =>
        c.status === 'active' && c.parentCampaignId !== null && c.unitName.includes('崇明'),
    );
    const plan = (await office.request('GET', `/api/campaigns/${district.id}`)).json();
    expect(plan.predecessor.name).toContain(`${Number(plan.startDate.slice(0, 4)) - 1}年`);
    const last = (await office.request('GET', `/api/campaigns/${plan.predecessor.id}`)).json();
    expect(last.status).toBe('archived');
    const table = (
      await office.request('GET', `/api/campaigns/${district.id}/stat-table?compare=previous&from=2000-01-01`)
    ).json();
    expect(table.comparison.campaignId).toBe(last.id);
    expect(Number(table.rows.at(-1).previous.casesFiled)).toBeGreaterThan(0);
    const carry = (await office.request('GET', `/api/campaigns/${district.id}/carry-forward`)).json();
    expect(carry.items).toHaveLength(2);
    expect(carry.items.filter((c: { carried: boolean }) => c.carried)).toHaveLength(1);
    const board = (await office.request('GET', `/api/campaigns/${district.id}/work-plans`)).json();
    expect(board.counts.acknowledged).toBe(1);
    expect(board.counts.filed).toBe(1);
    expect(board.counts.overdue).toBeGreaterThan(0);
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });
});
