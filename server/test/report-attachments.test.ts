import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { MAX_REPORT_ATTACHMENTS } from '../src/modules/reports/report-attachments.service';
import { reportAttachments } from '../src/modules/reports/reports.schema';
import { systemActor } from '../src/platform/actor';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { publishedReportPlan, servicesOnClock } from './helpers/reports';

// As in reports.test.ts: 10 May 2026 in Beijing; March's and April's periods have ended, May's has not.
const clock = new Date('2026-05-10T02:00:00Z');
let t: TestApp;
let tenant: Tenant;
/** The district's 专项办 (reviews the plan's reports; may attach for a unit: 代报). */
let office: Session;
/** The district's case handler: sees the reports, may not submit them. */
let handler: Session;
/** The liaison of the 所 that owes the plan its reports. */
let liaison: Session;
/** The liaison of another unit under the district (a 大队 that owes its own reports). */
let otherLiaison: Session;
let team: { id: string };
let campaignId = '';
let scheduleId = '';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('集市检查照片')]);

beforeAll(async () => {
  t = await createTestApp({ services: servicesOnClock(() => clock) });
  tenant = await createTenant(t.services, { roles: ['office', 'handler'] });
  const user = (unitId: string, username: string) =>
    t.services.usersService.create(
      systemActor,
      { username, password: TEST_PASSWORD, displayName: '联络员', unitId, roles: ['liaison'] },
      { mustChangePassword: false },
    );
  team = await t.services.unitsService.create(systemActor, {
    parentId: tenant.units.district.id,
    name: `测试执法大队-${tenant.tag}`,
    code: `DT-${tenant.tag}`,
    kind: 'brigade',
  });
  await user(tenant.units.office.id, `o_liaison_${tenant.tag}`);
  await user(team.id, `t_liaison_${tenant.tag}`);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  liaison = await login(t.app, `o_liaison_${tenant.tag}`, TEST_PASSWORD);
  otherLiaison = await login(t.app, `t_liaison_${tenant.tag}`, TEST_PASSWORD);
  ({ campaignId, scheduleId } = await publishedReportPlan(t, office, tenant, team.id));
});
afterAll(() => t.close());

const filesOf = (periodEnd: string, unitId = tenant.units.office.id) =>
  `/api/campaigns/${campaignId}/reports/attachments?scheduleId=${scheduleId}&periodEnd=${periodEnd}&unitId=${unitId}`;
const audited = async (action: 'report.attachment_add' | 'report.attachment_remove', recordId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId)));
/** How many files and attachment audit entries exist: a refused request changes neither. */
const written = async () => {
  const [files] = await t.database.db.select({ n: count() }).from(reportAttachments);
  const [entries] = await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(inArray(auditLog.action, ['report.attachment_add', 'report.attachment_remove']));
  return { files: files.n, entries: entries.n };
};

describe('report attachments (报表附件)', () => {
  it('the liaison attaches a photo to a report not yet sent; everyone who sees the report lists and downloads it', async () => {
    const res = await liaison.upload(filesOf('2026-03-31'), '集市检查照片.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      campaignId,
      scheduleId,
      periodEnd: '2026-03-31',
      unitId: tenant.units.office.id,
      fileName: '集市检查照片.png',
      mimeType: 'image/png',
      sizeBytes: PNG.length,
      uploadedByName: '联络员',
    });
    for (const s of [liaison, office, handler]) {
      const list = await s.request('GET', filesOf('2026-03-31'));
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([file.id]);
    }
    const meta = await handler.request('GET', `/api/report-attachments/${file.id}`);
    expect(meta.json()).toEqual(file);
    const content = await office.request('GET', `/api/report-attachments/${file.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-disposition']).toContain(encodeURIComponent('集市检查照片.png'));
    expect(Buffer.compare(content.rawPayload, PNG)).toBe(0);
    // The audit entry names the file and its report, never its content.
    const [entry] = await audited('report.attachment_add', file.id);
    expect(entry).toMatchObject({ unitId: tenant.units.office.id, recordType: 'report_attachment' });
    expect(entry.after).toMatchObject({ fileName: '集市检查照片.png', periodEnd: '2026-03-31' });
    expect(JSON.stringify(entry.after)).not.toContain('content');
    // Another period's report has its own files.
    expect((await liaison.request('GET', filesOf('2026-04-30'))).json().items).toEqual([]);
  });

  it("another unit's liaison sees nothing (404); a handler of the district reads but may not change (403)", async () => {
    const file = (await liaison.upload(filesOf('2026-03-31'), '情况说明.pdf', '%PDF-1.7\n说明')).json();
    const before = await written();
    expect((await otherLiaison.request('GET', filesOf('2026-03-31'))).statusCode).toBe(404);
    expect((await otherLiaison.upload(filesOf('2026-03-31'), 'a.png', PNG)).statusCode).toBe(404);
    expect((await otherLiaison.request('GET', `/api/report-attachments/${file.id}`)).statusCode).toBe(404);
    expect((await otherLiaison.request('GET', `/api/report-attachments/${file.id}/content`)).statusCode).toBe(404);
    expect((await otherLiaison.request('DELETE', `/api/report-attachments/${file.id}`)).statusCode).toBe(404);
    const refused = await handler.upload(filesOf('2026-03-31'), 'a.png', PNG);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('联络员');
    expect((await handler.request('DELETE', `/api/report-attachments/${file.id}`)).statusCode).toBe(403);
    expect(await written()).toEqual(before);
    // Its own report is the other liaison's to attach to.
    expect((await otherLiaison.upload(filesOf('2026-03-31', team.id), '大队照片.png', PNG)).statusCode).toBe(201);
  });

  it('refuses a bad file, a form without one and a period not yet ended, naming the field; nothing is written', async () => {
    const before = await written();
    const exe = await liaison.upload(filesOf('2026-04-30'), 'setup.exe', Buffer.from('MZ....'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('不支持') });
    const renamed = await liaison.upload(filesOf('2026-04-30'), '总结.docx', Buffer.from('MZ\x90\x00 not a docx'));
    expect(renamed.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('.docx 不符') });
    const empty = await liaison.upload(filesOf('2026-04-30'), '空.pdf', Buffer.alloc(0));
    expect(empty.json().errors[0].path).toBe('file');
    const noFile = await liaison.upload(filesOf('2026-04-30'), 'x.png', PNG, 'photo');
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([{ path: 'file', message: '请选择要上传的文件（表单字段 file）' }]);
    const early = await liaison.upload(filesOf('2026-05-31'), '五月.png', PNG);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ path: 'periodEnd', message: expect.stringContaining('2026-05-31') });
    const badKey = await liaison.request('GET', filesOf('2026-04-31'));
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].path).toBe('periodEnd');
    expect(await written()).toEqual(before);
  });

  it('the liaison removes a file (audited); the office may add for the unit (代报)', async () => {
    const file = (await liaison.upload(filesOf('2026-04-30'), '删除我.png', PNG)).json();
    expect((await liaison.request('DELETE', `/api/report-attachments/${file.id}`)).statusCode).toBe(204);
    expect((await liaison.request('GET', `/api/report-attachments/${file.id}/content`)).statusCode).toBe(404);
    expect((await liaison.request('DELETE', `/api/report-attachments/${file.id}`)).statusCode).toBe(404);
    const [entry] = await audited('report.attachment_remove', file.id);
    expect(entry.before).toMatchObject({ fileName: '删除我.png', unitId: tenant.units.office.id });
    expect(JSON.stringify(entry.before)).not.toContain('content');
    const byOffice = await office.upload(filesOf('2026-04-30'), '专项办补充材料.pdf', '%PDF-1.4\n');
    expect(byOffice.statusCode, byOffice.body).toBe(201);
    expect((await liaison.request('DELETE', `/api/report-attachments/${byOffice.json().id}`)).statusCode).toBe(204);
  });

  it(`holds at most ${MAX_REPORT_ATTACHMENTS} files per report`, async () => {
    const url = filesOf('2026-04-30', team.id);
    for (let i = 0; i < MAX_REPORT_ATTACHMENTS; i += 1)
      expect((await otherLiaison.upload(url, `照片${i}.png`, PNG)).statusCode).toBe(201);
    const before = await written();
    const over = await otherLiaison.upload(url, '多余.png', PNG);
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('最多') });
    expect(await written()).toEqual(before);
  });

  it('acceptance locks the files (409); they can still be read', async () => {
    const kept = (await liaison.request('GET', filesOf('2026-03-31'))).json().items[0];
    const narrative = { statistics: '', keyCases: '', practices: '', problems: '', nextSteps: '' };
    const sent = await liaison.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
      scheduleId,
      periodEnd: '2026-03-31',
      unitId: tenant.units.office.id,
      narrative,
      version: 0,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    // Sent but not yet accepted: the unit may still add a file.
    expect((await liaison.upload(filesOf('2026-03-31'), '补充照片.png', PNG)).statusCode).toBe(201);
    const accepted = await office.request('POST', `/api/report-submissions/${sent.json().submissionId}/review`, {
      decision: 'accept',
      version: sent.json().version,
    });
    expect(accepted.json().state).toBe('accepted');
    const before = await written();
    const add = await liaison.upload(filesOf('2026-03-31'), '晚到的照片.png', PNG);
    expect(add.statusCode).toBe(409);
    expect(add.json().detail).toContain('锁定');
    expect((await office.request('DELETE', `/api/report-attachments/${kept.id}`)).statusCode).toBe(409);
    expect(await written()).toEqual(before);
    expect((await handler.request('GET', `/api/report-attachments/${kept.id}/content`)).statusCode).toBe(200);
    expect((await handler.request('GET', filesOf('2026-03-31'))).json().items).toHaveLength(3);
  });
});
