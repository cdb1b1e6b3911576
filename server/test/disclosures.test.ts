import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases } from '../src/modules/cases/cases.schema';
import { caseInputOf } from '../src/modules/cases/case-rows';
import { leads } from '../src/modules/leads/leads.schema';
import { users } from '../src/modules/users/users.schema';
import { caseDisclosures, consumerWarnings } from '../src/modules/disclosures/disclosures.schema';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoAtomically } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { auditActionsOf, decide } from './helpers/approvals';

/**
 * 曝光 over the demo bureau: a typical decided case's redacted text, submitted by the office and
 * published only on a 局领导's approval; personal data refused on saving, on submitting and on
 * approving; and the public routes, read without a session, carry no person's name, ID or phone.
 */
let t: TestApp;
let office: Session;
let leader: Session;
let handler: Session;

const caseNamed = async (name: string) => (await t.database.db.select().from(cases).where(eq(cases.name, name)))[0];

/** Changes a demo case through the service, as the office would on its page. */
async function editCase(name: string, patch: Partial<ReturnType<typeof caseInputOf>>) {
  const row = await caseNamed(name);
  const res = await office.request('PUT', `/api/cases/${row.id}`, {
    ...caseInputOf(row),
    ...patch,
    version: row.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return row.id;
}

const stored = async (id: string) =>
  (await t.database.db.select().from(caseDisclosures).where(eq(caseDisclosures.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoAtomically(t.database.db)).toBe(true);
  office = await login(t.app, 'cm_office', DEMO_PASSWORD);
  leader = await login(t.app, 'cm_leader', DEMO_PASSWORD);
  handler = await login(t.app, 'cm_handler', DEMO_PASSWORD);
}, 600_000);
afterAll(() => t.close());

describe('曝光', () => {
  it('has the demo: one published (approved by cm_leader), one in his 待我审批, two warnings', async () => {
    const list = (await office.request('GET', '/api/disclosures')).json();
    expect(list.items.map((d: { status: string }) => d.status).sort()).toEqual(['pending', 'published']);
    const mine = (await leader.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(mine.items.filter((r: { kind: string }) => r.kind === 'disclosure_publish')).toHaveLength(1);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/disclosures' })).json();
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ partyDisplayName: '上海崇明某食品商店', categoryLabel: expect.any(String) });
    const warnings = (await t.app.inject({ method: 'GET', url: '/api/public/warnings' })).json();
    expect(warnings.items.map((w: { kindLabel: string }) => w.kindLabel).sort()).toEqual(['消费警示', '警示公告']);
  });

  it('refuses a case not marked typical (422) and stores nothing', async () => {
    const c = await caseNamed('某餐饮公司使用超过保质期食品原料案');
    const before = (await t.database.db.select().from(caseDisclosures)).length;
    const res = await office.request('POST', '/api/disclosures', { caseId: c.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'caseId', message: expect.stringContaining('典型案件') }]);
    expect((await t.database.db.select().from(caseDisclosures)).length).toBe(before);
    // A case not yet decided is refused too, even when typical.
    const open = await caseNamed('某物业公司使用未经定期检验电梯案');
    await editCase(open.name, { typical: true });
    const undecided = await office.request('POST', '/api/disclosures', { caseId: open.id });
    expect(undecided.statusCode).toBe(422);
    expect(undecided.json().detail).toContain('尚未作出处罚');
    // A handler does not write disclosures.
    expect((await handler.request('POST', '/api/disclosures', { caseId: c.id })).statusCode).toBe(403);
  });

  it('drafts a natural person as 张某, refuses personal data on saving, and publishes only on approval', async () => {
    const name = '某餐饮公司使用超过保质期食品原料案';
    const caseId = await editCase(name, {
      typical: true,
      partyKind: 'person',
      partyName: '张三丰',
      partyCreditCode: null,
      summary: '张三丰（联系电话13912345678）在经营中使用超过保质期的食品原料，经消费者投诉查实。',
    });
    const created = await office.request('POST', '/api/disclosures', { caseId });
    expect(created.statusCode, created.body).toBe(201);
    let d = created.json();
    expect(d).toMatchObject({ status: 'draft', partyDisplayName: '张某', can: { edit: true, submit: true } });
    expect(d.body).toContain('张某（联系电话（略））');
    expect(d.body).not.toMatch(/张三丰|13912345678/);

    // Unredacted text: 422 naming the field, nothing stored.
    const bad = await office.request('PUT', `/api/disclosures/${d.id}`, {
      title: d.title,
      partyDisplayName: d.partyDisplayName,
      body: `${d.body}\n举报人电话138 0000 0000，身份证31023019880101123X，办案人员莫涛。`,
      version: d.version,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { path: 'body', message: '正文含有手机号码“138****0000”，请删去' },
      { path: 'body', message: '正文含有身份证号码“310****123X”，请删去' },
      { path: 'body', message: '正文含有个人姓名“莫*”，请删去或改为“莫某”' },
    ]);
    const named = await office.request('PUT', `/api/disclosures/${d.id}`, {
      title: d.title,
      partyDisplayName: '张三丰',
      body: d.body,
      version: d.version,
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().errors[0].path).toBe('partyDisplayName');
    expect(await stored(d.id)).toMatchObject({ version: d.version, body: d.body, partyDisplayName: '张某' });

    // No route publishes: a status in the body is not read; the public page does not have it.
    const sneaky = await office.request('PUT', `/api/disclosures/${d.id}`, {
      title: d.title,
      partyDisplayName: d.partyDisplayName,
      body: d.body,
      status: 'published',
      version: d.version,
    });
    expect(sneaky.statusCode).toBe(200);
    d = sneaky.json();
    expect(d.status).toBe('draft');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/disclosures/${d.id}` })).statusCode).toBe(404);

    // Submitted: 待审批, no longer editable; the office that asked cannot approve, cm_leader can.
    const submitted = await office.request('POST', `/api/disclosures/${d.id}/submit`, { version: d.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    d = submitted.json();
    expect(d).toMatchObject({ status: 'pending', can: { edit: false, submit: false } });
    expect(
      (
        await office.request('PUT', `/api/disclosures/${d.id}`, {
          title: d.title,
          partyDisplayName: d.partyDisplayName,
          body: `${d.body}补充`,
          version: d.version,
        })
      ).statusCode,
    ).toBe(409);
    const request = (await leader.request('GET', `/api/approvals/${d.approvalRequestId}`)).json();
    expect(request).toMatchObject({ kind: 'disclosure_publish', link: `/disclosures/${d.id}` });
    const self = await decide(office, request, 'approve');
    expect(self.statusCode).toBe(403);
    expect((await stored(d.id)).status).toBe('draft');
    const approved = await decide(leader, request, 'approve', '同意');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await stored(d.id)).toMatchObject({ status: 'published', approvalRequestId: request.id });
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/disclosures/${d.id}` });
    expect(pub.statusCode).toBe(200);
    expect(Object.keys(pub.json()).sort()).toEqual(
      ['body', 'categoryLabel', 'decisionDate', 'id', 'partyDisplayName', 'publishedAt', 'title', 'unitName'].sort(),
    );
    expect(pub.json().partyDisplayName).toBe('张某');
    expect(await auditActionsOf(t, d.id)).toEqual([
      'disclosure.create',
      'disclosure.edit',
      'disclosure.submit',
      'disclosure.publish',
    ]);

    // 撤下: off the public page, with its reason, audited.
    const gone = await leader.request('POST', `/api/disclosures/${d.id}/withdraw`, {
      reason: '当事人已申请行政复议',
      version: (await stored(d.id)).version,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().status).toBe('withdrawn');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/disclosures/${d.id}` })).statusCode).toBe(404);
    expect((await auditActionsOf(t, d.id)).at(-1)).toBe('disclosure.withdraw');
  });

  it('checks again on approval: a name that became personal since submission is refused, nothing published', async () => {
    const pending = (await office.request('GET', '/api/disclosures'))
      .json()
      .items.find((d: { status: string }) => d.status === 'pending');
    // The case is corrected after submission: its contact person is named in the text (崇明某商行 stands in the body).
    const words = '崇明某商行';
    expect(pending.body).toContain(words);
    const c = (await t.database.db.select().from(cases).where(eq(cases.id, pending.caseId)))[0];
    await editCase(c.name, { partyKind: 'person', partyName: words, partyCreditCode: null });
    const request = (await leader.request('GET', `/api/approvals/${pending.approvalRequestId}`)).json();
    const res = await decide(leader, request, 'approve');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain('个人姓名');
    expect((await stored(pending.id)).status).toBe('draft');
    expect((await leader.request('GET', `/api/approvals/${request.id}`)).json().status).toBe('pending');
    // Rejected: the draft is the office's again.
    const rejected = await decide(leader, request, 'reject', '请按当事人为自然人重新脱敏');
    expect(rejected.statusCode).toBe(200);
    expect((await office.request('GET', `/api/disclosures/${pending.id}`)).json()).toMatchObject({
      status: 'draft',
      can: { edit: true },
    });
  });

  it('消费警示: the office publishes directly, personal data refused, the public sees only published ones', async () => {
    const bad = await office.request('POST', '/api/consumer-warnings', {
      kind: 'consumer_warning',
      title: '警示',
      body: '如有疑问请联系周海峰，电话021-69611021。',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { message: string }) => e.message)).toEqual([
      '正文含有个人姓名“周**”，请删去或改为“周某”',
      '正文含有固定电话号码“021****1021”，请删去',
    ]);
    const draft = await office.request('POST', '/api/consumer-warnings', {
      kind: 'warning_notice',
      title: '电动自行车充电安全警示',
      body: '请勿私拉电线充电。',
    });
    expect(draft.statusCode).toBe(201);
    const w = draft.json();
    const publicTitles = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/public/warnings' }))
        .json()
        .items.map((i: { title: string }) => i.title);
    expect(await publicTitles()).not.toContain(w.title);
    expect(
      (await leader.request('POST', `/api/consumer-warnings/${w.id}/publish`, { version: w.version })).statusCode,
    ).toBe(403);
    const published = await office.request('POST', `/api/consumer-warnings/${w.id}/publish`, { version: w.version });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', issuedDate: expect.any(String) });
    expect(await publicTitles()).toContain(w.title);
    expect((await t.database.db.select().from(consumerWarnings).where(eq(consumerWarnings.id, w.id)))[0].status).toBe(
      'published',
    );
  });

  it('the public routes carry no person: names of users, parties, contacts, complainants; no ID or phone', async () => {
    const db = t.database.db;
    const names = new Set<string>(DEMO_USERS.map((u) => u.displayName));
    for (const u of await db.select({ n: users.displayName }).from(users)) names.add(u.n);
    for (const c of await db.select().from(cases)) {
      if (c.partyKind === 'person') names.add(c.partyName);
      if (c.contactName) names.add(c.contactName);
    }
    for (const l of await db.select({ n: leads.complainantName }).from(leads)) if (l.n) names.add(l.n);
    names.delete('');
    expect(names.size).toBeGreaterThan(15);

    const anon = (url: string) => t.app.inject({ method: 'GET', url });
    const list = await anon('/api/public/disclosures?pageSize=200');
    const bodies = [list.body, (await anon('/api/public/warnings?pageSize=200')).body];
    const items = list.json().items as { id: string }[];
    expect(items.length).toBeGreaterThanOrEqual(1);
    for (const d of items) {
      const one = await anon(`/api/public/disclosures/${d.id}`);
      expect(one.statusCode).toBe(200);
      bodies.push(one.body);
    }
    // Only published texts: drafts and withdrawn ones are not there.
    const publishedIds = (await db.select().from(caseDisclosures).where(eq(caseDisclosures.status, 'published'))).map(
      (r) => r.id,
    );
    expect(items.map((i) => i.id).sort()).toEqual(publishedIds.sort());
    for (const body of bodies) {
      // Ids and timestamps are the only digits a public answer has besides the text's own.
      const text = body
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')
        .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '');
      for (const n of names) expect(text, `name ${n}`).not.toContain(n);
      expect(text).not.toMatch(/\d{17}[\dXx]|(?<!\d)\d{15}(?!\d)/);
      expect(text).not.toMatch(/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/);
      expect(text).not.toMatch(/(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/);
      expect(text).not.toMatch(/caseId|unitId|createdBy|approval/);
    }
  });
});
