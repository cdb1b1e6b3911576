import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { exifJpeg } from './helpers/exif-jpeg';

let t: TestApp;
let handler: Session;
let reviewer: Session;
let outsider: Session;
let inspectionId: string;
let demoOutings: { id: string; inspectionDate: string }[];

const PDF = Buffer.from('%PDF-1.7\n现场笔录');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  handler = await login(t.app, 'cm_handler', 'Redshield2026');
  reviewer = await login(t.app, 'cm_reviewer', 'Redshield2026');
  outsider = await login(t.app, 'pd_liaison', 'Redshield2026');
  demoOutings = (await handler.request('GET', '/api/inspections?pageSize=3')).json().items;
  // The demo put photos on the two newest outings; this test's files go on the third.
  inspectionId = demoOutings[2].id;
});
afterAll(() => t.close());

describe('photos and files on an outing', () => {
  it("the demo's newest outings carry phone photos taken on their day, with the place", async () => {
    const photos = (await reviewer.request('GET', `/api/inspections/${demoOutings[0].id}/attachments`)).json().items;
    expect(photos.length).toBeGreaterThan(0);
    for (const p of photos) {
      expect(p.mimeType).toBe('image/jpeg');
      // 拍摄时间 in China time on the outing's day, on 崇明岛 (31.5°N, 121.4–121.6°E).
      const local = new Date(Date.parse(p.takenAt) + 8 * 3600_000).toISOString().slice(0, 10);
      expect(local).toBe(demoOutings[0].inspectionDate);
      expect(Number(p.takenLatitude)).toBeCloseTo(31.6, 0);
      expect(Number(p.takenLongitude)).toBeGreaterThan(121);
    }
  });

  it('keeps a phone photo with when and where it was taken, and gives back the same bytes', async () => {
    const photo = exifJpeg({ dateTimeOriginal: '2026:09:18 14:05:30', latitude: 31.622512, longitude: 121.397843 });
    const res = await handler.upload(`/api/inspections/${inspectionId}/attachments`, '月饼摊位.jpg', photo);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      inspectionId,
      fileName: '月饼摊位.jpg',
      mimeType: 'image/jpeg',
      sizeBytes: photo.length,
      takenAt: '2026-09-18T06:05:30.000Z',
      takenLatitude: '31.622512',
      takenLongitude: '121.397843',
    });
    const list = (await reviewer.request('GET', `/api/inspections/${inspectionId}/attachments`)).json().items;
    expect(list).toEqual([expect.objectContaining({ id: res.json().id, takenAt: '2026-09-18T06:05:30.000Z' })]);
    expect(list[0]).not.toHaveProperty('content');
    const file = await reviewer.request('GET', `/api/inspections/${inspectionId}/attachments/${res.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(file.rawPayload, photo)).toBe(0);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inspection.attachment_add'), eq(auditLog.recordId, inspectionId)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].after)).not.toContain('content');
  });

  it('keeps files without EXIF (and other types) with empty time and place; refuses what is not allowed', async () => {
    const pdf = await handler.upload(`/api/inspections/${inspectionId}/attachments`, '现场笔录.pdf', PDF);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mimeType: 'application/pdf', takenAt: null, takenLatitude: null });
    const bare = await handler.upload(`/api/inspections/${inspectionId}/attachments`, '无信息.jpg', exifJpeg({}));
    expect(bare.json()).toMatchObject({ takenAt: null, takenLatitude: null, takenLongitude: null });
    const exe = await handler.upload(`/api/inspections/${inspectionId}/attachments`, 'setup.exe', Buffer.from('MZ..'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('不支持') });
    const renamed = await handler.upload(`/api/inspections/${inspectionId}/attachments`, '照片.jpg', PDF);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors[0].message).toContain('内容与扩展名 .jpg 不符');
  });

  it('only those who may edit the outing add or remove files; outside the unit it does not exist', async () => {
    const photo = exifJpeg({ dateTimeOriginal: '2026:09:18 15:00:00' });
    const url = `/api/inspections/${inspectionId}/attachments`;
    expect((await reviewer.upload(url, 'a.jpg', photo)).statusCode).toBe(403);
    expect((await outsider.request('GET', url)).statusCode).toBe(404);
    expect((await outsider.upload(url, 'a.jpg', photo)).statusCode).toBe(404);
    const added = (await handler.upload(url, '删除我.jpg', photo)).json();
    expect((await outsider.request('GET', `${url}/${added.id}`)).statusCode).toBe(404);
    expect((await reviewer.request('DELETE', `${url}/${added.id}`)).statusCode).toBe(403);
    expect((await handler.request('DELETE', `${url}/${added.id}`)).statusCode).toBe(204);
    expect((await handler.request('GET', `${url}/${added.id}`)).statusCode).toBe(404);
    const deleted = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inspection.attachment_delete'), eq(auditLog.recordId, inspectionId)));
    expect(deleted).toHaveLength(1);
  });
});
