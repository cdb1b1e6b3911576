import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, multipartBody, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let handler: Session;
let reviewer: Session;
let outsider: Session;
let caseId: string;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('现场照片的其余字节'),
]);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  handler = await login(t.app, 'cm_handler', 'Redshield2026');
  reviewer = await login(t.app, 'cm_reviewer', 'Redshield2026');
  outsider = await login(t.app, 'pd_liaison', 'Redshield2026');
  caseId = (await handler.request('GET', '/api/cases?stage=investigation')).json().items[0].id;
});
afterAll(() => t.close());

describe('case attachments', () => {
  it('stores a photo in the database, lists it, and gives back the same bytes', async () => {
    const res = await handler.upload(`/api/cases/${caseId}/attachments`, '现场检查照片.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: '现场检查照片.png',
      mimeType: 'image/png',
      sizeBytes: PNG.length,
      uploadedByName: expect.any(String),
    });
    const list = (await reviewer.request('GET', `/api/cases/${caseId}/attachments`)).json().items;
    expect(list.map((a: { fileName: string }) => a.fileName)).toContain('现场检查照片.png');
    const file = await reviewer.request('GET', `/api/cases/${caseId}/attachments/${res.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('现场检查照片.png'));
    expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.attachment_add'), eq(auditLog.recordId, caseId)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].after)).not.toContain('content');
  });

  it('refuses other types, renamed programs, empty and oversized files, with the reason', async () => {
    const exe = await handler.upload(`/api/cases/${caseId}/attachments`, 'setup.exe', Buffer.from('MZ....'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('不支持') });
    const renamed = await handler.upload(
      `/api/cases/${caseId}/attachments`,
      '询问笔录.pdf',
      Buffer.from('MZ\x90\x00 not a pdf'),
    );
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors[0].message).toContain('内容与扩展名 .pdf 不符');
    const empty = await handler.upload(`/api/cases/${caseId}/attachments`, '空.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const big = await handler.upload(
      `/api/cases/${caseId}/attachments`,
      '大.pdf',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toContain('20 MB');
  });

  it('answers 400, not 500, to a multipart body cut off in the middle and to a form without a file', async () => {
    const body = multipartBody('file', '现场照片.png', Buffer.concat([PNG, Buffer.alloc(64 * 1024, 7)]));
    const headers = { cookie: handler.cookie, 'x-csrf-token': handler.csrfToken, ...body.headers };
    const cut = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/attachments`,
      headers,
      payload: body.payload.subarray(0, Math.floor(body.payload.length / 2)),
    });
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json()).toMatchObject({ title: '上传不完整', errors: [{ path: 'file' }] });
    const noFile = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/attachments`,
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\n文字\r\n--x--\r\n',
    });
    expect(noFile.statusCode, noFile.body).toBe(400);
    expect(noFile.json().errors).toEqual([{ path: 'file', message: '请选择要上传的文件（表单字段 file）' }]);
  });

  it('only those who may edit the case add or remove files; others outside the unit see nothing', async () => {
    expect((await reviewer.upload(`/api/cases/${caseId}/attachments`, 'a.png', PNG)).statusCode).toBe(403);
    expect((await outsider.request('GET', `/api/cases/${caseId}/attachments`)).statusCode).toBe(404);
    const added = (await handler.upload(`/api/cases/${caseId}/attachments`, '删除我.png', PNG)).json();
    expect((await outsider.request('GET', `/api/cases/${caseId}/attachments/${added.id}`)).statusCode).toBe(404);
    expect((await reviewer.request('DELETE', `/api/cases/${caseId}/attachments/${added.id}`)).statusCode).toBe(403);
    expect((await handler.request('DELETE', `/api/cases/${caseId}/attachments/${added.id}`)).statusCode).toBe(204);
    expect((await handler.request('GET', `/api/cases/${caseId}/attachments/${added.id}`)).statusCode).toBe(404);
  });
});
