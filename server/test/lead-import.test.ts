import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../src/modules/leads/leads.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let handler: Session;
let otherHandler: Session;
let campaignId: string;
let url: string;

const HEADER = '登记编号,来源,登记日期,承办单位,违法类型,被投诉举报对象,诉求内容,投诉举报人,联系电话,证件号码,重要线索';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  url = `/api/campaigns/${campaignId}/leads/import`;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  otherHandler = await login(t.app, tenant.unitUsers.own.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const leadsOfCampaign = () => t.database.db.select().from(leads).where(eq(leads.campaignId, campaignId));

describe('lead import (12315 export)', () => {
  it('imports complaints with the 15-working-day clock; the importer handles them and alone sees the complainant', async () => {
    const d = tenant.units.district.code;
    const res = await handler.upload(
      url,
      '12315导出.csv',
      csv(
        `12315-2026-0001,,2026-02-10,${d},食品安全违法,某超市,购买的牛奶已过期,李四,13812345678,310101199001011234,是`,
        `12315-2026-0002,12315举报,2026-03-02,${d},知识产权违法,某商店,销售假冒品牌运动鞋,,,,`,
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const rows = await leadsOfCampaign();
    const first = rows.find((r) => r.sourceNumber === '12315-2026-0001')!;
    // 2026-02-10 + 15 working days over the Spring Festival holiday (15–23 Feb, 14 and 28 Feb worked).
    expect(first).toMatchObject({
      source: 'complaint',
      important: true,
      status: 'verifying',
      dueDate: '2026-03-09',
      handlerIds: [tenant.byRole.handler.id],
    });
    expect(rows.find((r) => r.sourceNumber === '12315-2026-0002')).toMatchObject({
      source: 'report',
      important: false,
    });

    const mine = await handler.request('GET', `/api/leads/${first.id}`);
    expect(mine.json()).toMatchObject({ complainantName: '李四', complainantPhone: '13812345678' });
    const theirs = await otherHandler.request('GET', `/api/leads/${first.id}`);
    expect(theirs.json()).toMatchObject({
      complainantName: '李*',
      complainantPhone: '138****5678',
      complainantMasked: true,
    });
  });

  it('refuses bad rows and a re-import, naming row and column, storing nothing', async () => {
    const before = (await leadsOfCampaign()).length;
    const d = tenant.units.district.code;
    const res = await handler.upload(
      url,
      'bad.csv',
      csv(
        `12315-2026-0001,,2026-02-10,${d},食品安全违法,某超市,再次导入,,,,`,
        `12315-2026-0009,微博,2026-02-31,${d},食品安全违法,,内容,,电话号码,123,`,
        `12315-2026-0010,,2026-03-01,不存在的所,食品安全违法,某店,内容,,,,`,
      ),
    );
    expect(res.statusCode).toBe(422);
    const errors: { row: number; column: string; message: string }[] = res.json().errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: '登记编号', message: '该单位已登记编号为“12315-2026-0001”的线索（同一文件不能重复导入）' },
        expect.objectContaining({ row: 3, column: '来源' }),
        expect.objectContaining({ row: 3, column: '登记日期' }),
        { row: 3, column: '被投诉举报对象', message: '请填写被投诉举报对象' },
        { row: 3, column: '联系电话', message: '电话号码只能包含数字、+、- 和括号' },
        { row: 3, column: '证件号码', message: '身份证号码应为18位' },
        expect.objectContaining({ row: 4, column: '承办单位' }),
      ]),
    );
    expect((await leadsOfCampaign()).length).toBe(before);
  });

  it('an importer above the handling unit does not become the handler of its leads (its office or leader assigns them)', async () => {
    const city = await login(t.app, tenant.unitUsers.parent.username, TEST_PASSWORD);
    const d = tenant.units.district.code;
    const res = await city.upload(
      url,
      '12315导出.csv',
      csv(`12315-2026-0100,,2026-03-02,${d},食品安全违法,某饭店,食物变质,王五,13900001111,,`),
    );
    expect(res.statusCode, res.body).toBe(200);
    const row = (await leadsOfCampaign()).find((r) => r.sourceNumber === '12315-2026-0100')!;
    expect(row.handlerIds).toEqual([]);
    expect((await city.request('GET', `/api/leads/${row.id}`)).json()).toMatchObject({
      complainantName: '王*',
      complainantPhone: '139****1111',
      complainantMasked: true,
    });
  });
});
