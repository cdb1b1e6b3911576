import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wan2 } from '../src/modules/briefings/briefing-text';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let siblingUser: Session;
let campaignId: string;
const typicalIds: string[] = [];

let n = 0;
const caseBody = (over: Record<string, unknown>) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `简报测〔2026〕${++n}号`,
  name: '某食品店销售过期食品案',
  partyKind: 'company',
  partyName: '上海某食品商店',
  filingDate: '2026-04-03',
  amountInvolved: '0',
  fine: '0',
  confiscated: '0',
  lossesRecovered: '0',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const outing = (over: Record<string, unknown>) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  inspectionDate: '2026-04-10',
  staffDeployed: 12,
  vehicles: 3,
  entitiesInspected: 40,
  places: [],
  unlicensedBanned: 2,
  inspectorIds: [tenant.byRole.handler.id, tenant.unitUsers.own.id],
  seizures: [],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district, office: sub } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, sub.id],
    })
  ).id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  const handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  siblingUser = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  // Cases are registered by the office (a handler asks for filing, 立案审批); outings by the handler.
  const post = async (url: string, body: unknown) => {
    const res = await (url === '/api/cases' ? office : handler).request('POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  typicalIds.push(
    (
      await post(
        '/api/cases',
        caseBody({
          typical: true,
          amountInvolved: '11800.50',
          fine: '35000.00',
          confiscated: '860.00',
          summary: '当事人销售超过保质期的预包装食品12件',
          rural: true,
        }),
      )
    ).id,
  );
  await post(
    '/api/cases',
    caseBody({
      categoryCode: 'ip',
      name: '某商行销售侵犯注册商标专用权白酒案',
      partyName: '某商行',
      filingDate: '2026-04-15',
      amountInvolved: '56000.00',
      fine: '119500.00',
      online: true,
      rural: true,
      transferredToJudiciary: true,
      judiciaryTransferDate: '2026-04-20',
    }),
  );
  // Filed after the period: in neither the figures nor the typical cases of April.
  await post(
    '/api/cases',
    caseBody({ typical: true, name: '五月立案的典型案件', filingDate: '2026-05-10', fine: '1000.00' }),
  );
  await post(
    '/api/inspections',
    outing({
      seizures: [
        { goods: '私宰肉', quantity: '347.8', unit: '公斤' },
        { goods: '劣质酒', quantity: 75, unit: '瓶' },
      ],
    }),
  );
  await post(
    '/api/inspections',
    outing({
      unitId: sub.id,
      categoryCode: 'ip',
      inspectionDate: '2026-04-12',
      staffDeployed: 4,
      entitiesInspected: 9,
      unlicensedBanned: 0,
      seizures: [{ goods: '劣质酒', quantity: '25', unit: '瓶' }],
    }),
  );
});
afterAll(() => t.close());

const april = () => `unitId=${tenant.units.district.id}&from=2026-04-01&to=2026-04-30`;

describe('工作简报 and summaries filled from the records', () => {
  it('writes the same figures as the statistics table into the draft’s sentences', async () => {
    const stats = await office.request('GET', `/api/campaigns/${campaignId}/stats?${april()}`);
    expect(stats.statusCode, stats.body).toBe(200);
    const total = stats.json().rows.find((r: { category: string }) => r.category === 'total').values;
    expect(total).toMatchObject({
      staffDeployed: 16,
      entitiesInspected: 49,
      casesFiled: 2,
      amountInvolved: '67800.50',
      finesAndConfiscations: '155360.00',
      transferredToJudiciary: 1,
    });

    const res = await office.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&${april()}`);
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    expect(draft).toMatchObject({
      kind: 'briefing',
      unitName: tenant.units.district.name,
      from: '2026-04-01',
      to: '2026-04-30',
    });
    const figures = draft.paragraphs.find((p: string) => p.startsWith('自2026年4月1日至2026年4月30日'));
    expect(figures).toBe(
      `自2026年4月1日至2026年4月30日，${tenant.units.district.name}共出动执法人员${total.staffDeployed}人次，检查经营户${total.entitiesInspected}户次，` +
        `查处各类违法案件${total.casesFiled}起，案值${wan2(total.amountInvolved)}万元，罚没款${wan2(total.finesAndConfiscations)}万元，移送司法机关案件${total.transferredToJudiciary}起，取缔无照经营2户。` +
        '查扣私宰肉347.8公斤、劣质酒100瓶。',
    );
    expect(figures).toContain('案值6.78万元，罚没款15.54万元');
    expect(draft.paragraphs).toContain(
      '其中，食品安全违法案件1起，案值1.18万元，罚没款3.59万元；知识产权违法案件1起，案值5.60万元，罚没款11.95万元，移送司法机关1起。查处互联网案件1起、农村市场案件2起。',
    );
    expect(draft.typicalCases).toEqual([
      { id: typicalIds[0], caseName: '某食品店销售过期食品案', partyName: '上海某食品商店' },
    ]);
    expect(
      draft.paragraphs.some(
        (p: string) => p.startsWith('（一）某食品店销售过期食品案。') && p.includes('罚没款3.59万元'),
      ),
    ).toBe(true);
    expect(draft.paragraphs.join('')).not.toContain('五月立案');

    const summary = (
      await office.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=final_summary&${april()}`)
    ).json();
    expect(summary.title).toMatch(/工作总结$/);
    expect(summary.paragraphs).toContain('五、下步打算');
  });

  it('says so plainly when a period has no cases', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=stage_summary&unitId=${tenant.units.district.id}&from=2026-06-01&to=2026-06-30`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().paragraphs).toEqual(
      expect.arrayContaining([expect.stringContaining('期间未立案查处违法案件。'), '本期暂无典型案例。']),
    );
  });

  it('renders the office’s edited paragraphs into a GB/T 9704 .docx', async () => {
    const body = {
      kind: 'briefing',
      unitId: tenant.units.district.id,
      title: '四月份“铁拳”行动进展情况',
      issue: '第3期',
      date: '2026-05-02',
      paragraphs: [
        '一、总体情况',
        '本月共出动执法人员16人次，经专项办核对无误。',
        '（一）某食品店销售过期食品案。当事人被罚没款3.59万元。',
      ],
    };
    const res = await office.request('POST', `/api/campaigns/${campaignId}/briefing.docx`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('四月份“铁拳”行动进展情况.docx');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      '工作简报',
      '第3期',
      '四月份“铁拳”行动进展情况',
      '本月共出动执法人员16人次，经专项办核对无误。',
      '（一）某食品店销售过期食品案。',
      '当事人被罚没款3.59万元。',
      '2026年5月2日',
      tenant.units.district.name,
    ]) {
      expect(xml).toContain(s);
    }

    const summary = await office.request('POST', `/api/campaigns/${campaignId}/briefing.docx`, {
      ...body,
      kind: 'stage_summary',
      issue: undefined,
      title: '阶段性工作总结',
    });
    expect(summary.statusCode, summary.body).toBe(200);
    const summaryXml = await (await JSZip.loadAsync(summary.rawPayload)).file('word/document.xml')!.async('string');
    expect(summaryXml).not.toContain('工作简报');
    expect(summaryXml).toContain('阶段性工作总结');
  });

  it('answers 404 for a unit or campaign outside the caller’s scope', async () => {
    expect(
      (
        await office.request(
          'GET',
          `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&unitId=${tenant.units.sibling.id}`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await siblingUser.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=briefing`)).statusCode,
    ).toBe(404);
    const doc = await office.request('POST', `/api/campaigns/${campaignId}/briefing.docx`, {
      kind: 'briefing',
      unitId: tenant.units.city.id,
      title: '标题',
      date: '2026-05-02',
      paragraphs: ['正文'],
    });
    expect(doc.statusCode).toBe(404);
  });

  it('answers 400 naming the field for a bad kind, date or text', async () => {
    const bad = await office.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=weekly`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
    const reversed = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&from=2026-05-01&to=2026-04-01`,
    );
    expect(reversed.statusCode).toBe(400);
    const doc = await office.request('POST', `/api/campaigns/${campaignId}/briefing.docx`, {
      kind: 'briefing',
      unitId: tenant.units.district.id,
      title: ' ',
      date: '2026-02-30',
      paragraphs: [],
    });
    expect(doc.statusCode).toBe(400);
    const paths = doc
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['date', 'paragraphs', 'title']);
    expect(doc.body).toContain('成文日期');
  });
});
