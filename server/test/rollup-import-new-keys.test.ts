import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmbedded, type Db } from '../src/db/database';
import { cases } from '../src/modules/cases/cases.schema';
import { rollupDaily } from '../src/modules/rollups/rollups.schema';
import { createRollupsRepository } from '../src/modules/rollups/rollups.repository';
import { rowsOf } from '../src/platform/db/rows-of';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createDistrictCampaign } from './helpers/plans';

/**
 * An import's figures are written with a plain INSERT for the roll-up keys that have no row yet
 * (issue 22, the import's speed: ON CONFLICT cost as much again at national size). Another
 * transaction can create one of those keys meanwhile: the import must then still succeed, every
 * figure equal to a recount of the records.
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
let campaignId: string;
const repo = createRollupsRepository();

const HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
const ledger = (number: string, day: string, fine: string) =>
  `\uFEFF${HEADER}\r\n${number},${tenant.units.district.code},食品安全违法,某案,某公司,,${day},,0,${fine},0,0,否,否,否,,\r\n`;

/** The district's 立案 and 罚款 of the food category on one day, as the roll-up holds them. */
async function districtDay(day: string) {
  const rows = rowsOf<{ filed: number; fine: string }>(
    await t.database.db.execute(sql`
      select cases_filed as filed, fine_fen::text as fine from rollup_daily
       where campaign_id = ${campaignId} and unit_id = ${tenant.units.district.id}
         and category_code = 'food' and day = ${day}`),
  );
  return rows[0];
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler'] });
  const campaign = await createDistrictCampaign(t.services, tenant.units);
  campaignId = campaign.id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const importLedger = (csv: string) => handler.upload(`/api/campaigns/${campaignId}/cases/import`, '台账.csv', csv);

describe('an import adds its figures to new and existing roll-up rows', () => {
  it('writes new keys and adds to a row that exists, equal to a recount', async () => {
    // A row of the key exists already (zero figures, as a case moved away leaves it).
    await t.database.db
      .insert(rollupDaily)
      .values({ campaignId, unitId: tenant.units.district.id, categoryCode: 'food', day: '2026-03-11' });
    const res = await importLedger(ledger('新键〔2026〕1号', '2026-03-11', '100'));
    expect(res.statusCode, res.body).toBe(200);
    const again = await importLedger(ledger('新键〔2026〕2号', '2026-03-12', '50.5'));
    expect(again.statusCode, again.body).toBe(200);
    expect(await districtDay('2026-03-11')).toEqual({ filed: 1, fine: '10000' });
    expect(await districtDay('2026-03-12')).toEqual({ filed: 1, fine: '5050' });
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });

  it('falls back to adding every key through ON CONFLICT when the plain insert is refused', async () => {
    const ids = (await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.campaignId, campaignId))).map(
      (c) => c.id,
    );
    expect(ids.length).toBeGreaterThan(0);
    await t.database.db
      .transaction(async (tx) => {
        // The figures of these cases written again from nothing, while the first (plain) statement
        // is refused as a key created meanwhile would refuse it.
        await tx.execute(sql`delete from rollup_daily where campaign_id = ${campaignId}`);
        await tx.execute(sql`delete from rollup_monthly where campaign_id = ${campaignId}`);
        let refused = 0;
        const refusing = new Proxy(tx, {
          get(target, key, receiver) {
            if (key !== 'transaction') return Reflect.get(target, key, receiver) as unknown;
            return () => {
              refused++;
              return Promise.reject(
                Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR', constraint: 'pk' }),
              );
            };
          },
        }) as Db;
        await repo.addCases(refusing, ids);
        expect(refused).toBe(1);
        expect(await repo.differences(tx)).toEqual([]);
        throw new Error('rolled back');
      })
      .catch((e: Error) => expect(e.message).toBe('rolled back'));
  });

  it('succeeds when another transaction creates one of its new keys while it writes (PostgreSQL)', async () => {
    if (isEmbedded(t.database.db)) {
      // One connection: no other transaction can run beside the import's.
      expect(t.database.kind).toBe('pglite');
      return;
    }
    let importing: ReturnType<typeof importLedger> | undefined;
    await t.database.db.transaction(async (other) => {
      // Another transaction creates the key of the district's food cases of 13 March, uncommitted.
      await other
        .insert(rollupDaily)
        .values({ campaignId, unitId: tenant.units.district.id, categoryCode: 'food', day: '2026-03-13' });
      importing = importLedger(ledger('并发〔2026〕1号', '2026-03-13', '7'));
      // The import's plain insert waits on that key's lock…
      for (let waited = 0; ; waited += 50) {
        const waiting = rowsOf<{ n: number }>(
          await t.database.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          ),
        )[0].n;
        if (waiting > 0) break;
        if (waited > 20_000) throw new Error('the import never waited on the key');
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    // …which the other transaction's commit turns into a refusal: the import writes every key again.
    const res = await importing!;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 1 });
    expect(await districtDay('2026-03-13')).toEqual({ filed: 1, fine: '700' });
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });
});
