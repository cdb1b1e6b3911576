import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { systemActor } from '../src/platform/actor';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * Stored 工作简报: the draft quotes what the units reported, the office saves and issues it with its
 * number (第N期), and the units below see it once issued — never a draft, never a sibling district.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let leader: Session;
/** Reviews what the office sent (代报): who sends a report does not review it. */
let reviewer: Session;
let childUser: Session;
let siblingUser: Session;
let campaignId: string;
let scheduleId: string;
const unitIds = {} as Record<'office' | 'market2' | 'market3', string>;

const narrative = (tag: string) => ({
  statistics: `${tag}统计`,
  keyCases: `${tag}重点案件`,
  practices: `${tag}经验做法`,
  problems: '',
  nextSteps: `${tag}下步打算`,
});

/** 代报 by the district office (the periods are past), then an optional review by its administrator; the submission's id. */
async function report(unitId: string, periodEnd: string, tag: string, decision?: 'return' | 'accept') {
  const res = await office.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
    scheduleId,
    periodEnd,
    unitId,
    narrative: narrative(tag),
    version: 0,
    onBehalf: true,
  });
  expect(res.statusCode, res.body).toBe(200);
  const { submissionId, version } = res.json();
  if (decision) {
    const reviewed = await reviewer.request('POST', `/api/report-submissions/${submissionId}/review`, {
      decision,
      reason: decision === 'return' ? '数据有误' : null,
      version,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district } = tenant.units;
  const unit = (name: string, code: string) =>
    t.services.unitsService.create(systemActor, {
      parentId: district.id,
      name: `${name}-${tenant.tag}`,
      code: `${code}-${tenant.tag}`,
      kind: 'office',
    });
  unitIds.office = tenant.units.office.id;
  unitIds.market2 = (await unit('新河所', 'M2')).id;
  unitIds.market3 = (await unit('堡镇所', 'M3')).id;
  const campaign = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: district.id,
    participantUnitIds: [district.id, unitIds.office, unitIds.market2, unitIds.market3],
  });
  campaignId = campaign.id;
  scheduleId = campaign.reportSchedules[0].id!;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
  childUser = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
  siblingUser = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  // The office (所): March submitted, April returned (being redone: not quoted).
  await report(unitIds.office, '2026-03-31', '三月');
  await report(unitIds.office, '2026-04-30', '退回', 'return');
  // 新河所: April accepted, May submitted (after the draft's period).
  await report(unitIds.market2, '2026-04-30', '四月', 'accept');
  await report(unitIds.market2, '2026-05-31', '五月');
});
afterAll(() => t.close());

const draftUrl = () =>
  `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&unitId=${tenant.units.district.id}&from=2026-03-01&to=2026-04-30`;

async function saveDraft(session: Session, over: Record<string, unknown> = {}) {
  return session.request('POST', `/api/campaigns/${campaignId}/briefings`, {
    kind: 'briefing',
    unitId: tenant.units.district.id,
    title: '“铁拳”行动工作进展情况',
    date: '2026-05-06',
    from: '2026-03-01',
    to: '2026-04-30',
    paragraphs: ['一、总体情况', '正文。'],
    ...over,
  });
}

const auditActions = async (recordId: string) =>
  (
    await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, recordId), inArray(auditLog.action, ['briefing.save', 'briefing.issue'])))
      .orderBy(auditLog.seq)
  ).map((r) => r.action);

describe('the draft quotes what the units reported', () => {
  it('quotes the newest submitted or accepted report in the period, never a returned one, and names who sent nothing', async () => {
    const res = await office.request('GET', draftUrl());
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    const label = (id: string) => expect.stringContaining(id === unitIds.office ? '测试所' : '新河所');
    expect(draft.quotedReports).toEqual([
      {
        unitId: unitIds.office,
        unitLabel: label(unitIds.office),
        reportName: '月报',
        periodEnd: '2026-03-31',
        state: 'submitted',
      },
      {
        unitId: unitIds.market2,
        unitLabel: label(unitIds.market2),
        reportName: '月报',
        periodEnd: '2026-04-30',
        state: 'accepted',
      },
    ]);
    expect(draft.unitsWithoutReport).toEqual([
      { unitId: unitIds.market3, unitLabel: expect.stringContaining('堡镇所') },
    ]);
    const text = draft.paragraphs.join('\n');
    expect(text).toContain('三、各单位工作情况');
    expect(text).toContain('经验做法：三月经验做法');
    expect(text).toContain('下步打算：四月下步打算');
    expect(text).not.toContain('退回');
    expect(text).not.toContain('五月');
    expect(text).not.toContain('存在问题：');
    const summary = (await office.request('GET', draftUrl().replace('kind=briefing', 'kind=stage_summary'))).json()
      .paragraphs;
    expect(summary).toContain('三、经验做法');
    expect(summary.some((p: string) => p.endsWith('四月经验做法。'))).toBe(true);
    expect(summary).toContain('（请填写工作中存在的问题。）');
  });
});

describe('stored briefings', () => {
  it('numbers the issued ones 第1期, 第2期 per campaign, issuing unit and kind; an issued one cannot change', async () => {
    const first = await saveDraft(office);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'draft', number: null, issueLabel: null, version: 1 });
    const id = first.json().id;
    const edited = await office.request('PUT', `/api/briefings/${id}`, {
      title: '第一期简报',
      date: '2026-05-06',
      from: '2026-03-01',
      to: '2026-04-30',
      paragraphs: ['修改后的正文。'],
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '第一期简报', paragraphs: ['修改后的正文。'], version: 2 });
    const stale = await office.request('POST', `/api/briefings/${id}/issue`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const issued = await office.request('POST', `/api/briefings/${id}/issue`, { version: 2 });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', number: 1, issueLabel: '第1期', can: { edit: false } });

    const second = (await saveDraft(office, { title: '第二期简报' })).json();
    // A summary has its own sequence.
    const summary = (await saveDraft(office, { kind: 'stage_summary', title: '阶段总结' })).json();
    expect((await office.request('POST', `/api/briefings/${summary.id}/issue`, { version: 1 })).json().number).toBe(1);
    const issued2 = await office.request('POST', `/api/briefings/${second.id}/issue`, { version: 1 });
    expect(issued2.json()).toMatchObject({ number: 2, issueLabel: '第2期' });

    const again = await office.request('PUT', `/api/briefings/${id}`, {
      title: '再改',
      date: '2026-05-06',
      from: '2026-03-01',
      to: '2026-04-30',
      paragraphs: ['x'],
      version: 3,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('签发后不能修改');
    expect((await office.request('POST', `/api/briefings/${id}/issue`, { version: 3 })).statusCode).toBe(409);
    expect((await office.request('GET', `/api/briefings/${id}`)).json()).toMatchObject({
      title: '第一期简报',
      number: 1,
    });

    expect(await auditActions(id)).toEqual(['briefing.save', 'briefing.save', 'briefing.issue']);

    const doc = await office.request('GET', `/api/briefings/${second.id}/document.docx`);
    expect(doc.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('第2期');
    expect(xml).toContain('第二期简报');
  });

  it('issues once when two issue the same sequence at once: the numbers never repeat', async () => {
    const a = (await saveDraft(office, { kind: 'final_summary' })).json();
    const b = (await saveDraft(office, { kind: 'final_summary' })).json();
    const [ra, rb] = await Promise.all([
      office.request('POST', `/api/briefings/${a.id}/issue`, { version: 1 }),
      office.request('POST', `/api/briefings/${b.id}/issue`, { version: 1 }),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    expect([ra.json().number, rb.json().number].sort()).toEqual([1, 2]);
  });

  it('shows the units below the issued ones only; a sibling district sees none, and only the office writes', async () => {
    const draft = (await saveDraft(office, { title: '尚未签发的草稿' })).json();
    const list = async (s: Session) => s.request('GET', `/api/campaigns/${campaignId}/briefings`);
    const officeItems = (await list(office)).json().items;
    expect(officeItems.map((i: { id: string }) => i.id)).toContain(draft.id);
    expect(officeItems.every((i: { paragraphs?: unknown }) => i.paragraphs === undefined)).toBe(true);

    // The district's leader reads the drafts of his bureau but may not issue them.
    const leaderItems = (await list(leader)).json().items as { id: string }[];
    expect(leaderItems.map((i) => i.id)).toContain(draft.id);
    const refused = await leader.request('POST', `/api/briefings/${draft.id}/issue`, { version: 1 });
    expect(refused.statusCode).toBe(403);

    // The 所 below, taking part in the campaign: the issued ones only.
    const res = await list(childUser);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; status: string; title: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'issued')).toBe(true);
    expect(items.map((i) => i.id)).not.toContain(draft.id);
    const issued = items.find((i) => i.title === '第一期简报')!;
    expect((await childUser.request('GET', `/api/briefings/${issued.id}`)).statusCode).toBe(200);
    expect((await childUser.request('GET', `/api/briefings/${issued.id}/document.docx`)).statusCode).toBe(200);
    expect((await childUser.request('GET', `/api/briefings/${draft.id}`)).statusCode).toBe(404);
    expect((await childUser.request('GET', `/api/briefings/${draft.id}/document.docx`)).statusCode).toBe(404);
    expect((await childUser.request('POST', `/api/briefings/${draft.id}/issue`, { version: 1 })).statusCode).toBe(404);
    expect((await saveDraft(leader)).statusCode).toBe(403);
    // The district is outside the 所's scope: as if it did not exist.
    expect((await saveDraft(childUser)).statusCode).toBe(404);

    expect((await list(siblingUser)).statusCode).toBe(404);
    const issuedId = officeItems.find((i: { status: string }) => i.status === 'issued').id;
    expect((await siblingUser.request('GET', `/api/briefings/${issuedId}`)).statusCode).toBe(404);
    expect((await siblingUser.request('GET', `/api/briefings/${draft.id}`)).statusCode).toBe(404);
    expect((await siblingUser.request('GET', `/api/briefings/${issuedId}/document.docx`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await office.request('GET', `/api/campaigns/${campaignId}/briefings`)).json().items.length;
    const bad = await saveDraft(office, { title: ' ', from: '2026-02-30', paragraphs: [] });
    expect(bad.statusCode).toBe(400);
    const messages = bad
      .json()
      .errors.map((e: { message: string }) => e.message)
      .join(' ');
    expect(messages).toContain('标题（title）');
    expect(messages).toContain('统计起始日期（from）');
    expect(messages).toContain('正文（paragraphs）');
    const reversed = await saveDraft(office, { from: '2026-05-01', to: '2026-04-01' });
    expect(reversed.statusCode).toBe(400);
    expect((await office.request('GET', `/api/campaigns/${campaignId}/briefings`)).json().items.length).toBe(before);
  });
});
