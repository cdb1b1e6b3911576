import type { Db } from '../../db/database';
import { systemActor } from '../../platform/actor';
import type { AuditService } from '../audit/audit.service';
import type { CampaignRow, CategoryRow } from '../campaigns/campaigns.schema';
import type { RollupsRepository } from '../rollups/rollups.repository';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { readProvince, type FederationRepository } from './federation.repository';
import {
  dropSubscriptionSql,
  nationalSetupSql,
  publicationSql,
  removeProvinceSql,
  subscriptionName,
  subscriptionSql,
} from './federation.sql';

/**
 * What a province must hold of the national tree (`federation header` on the nation, `federation
 * publish --header` in the province): the national root unit and the national campaigns it
 * implements, with the same ids, so its unit paths read /<nation>/<province>/… and its plans are
 * implementation plans (实施方案) of the national campaign. Plain JSON, handed over as a file.
 */
export interface FederationHeader {
  unit: Pick<UnitRow, 'id' | 'name' | 'code' | 'kind' | 'divisionCode'>;
  campaigns: {
    campaign: Omit<CampaignRow, 'createdBy' | 'publishedAt' | 'createdAt' | 'updatedAt'> & {
      publishedAt: string | null;
    };
    categories: Omit<CategoryRow, 'campaignId'>[];
  }[];
}

const fail = (message: string) => new Error(message);

/**
 * 省级数据汇聚 (issue 22): provinces publish their roll-ups, unit tree and campaign headers; the
 * nation subscribes (PostgreSQL logical replication, federation.sql.ts). Run by the operator
 * (scripts/federation.ts); the API only reads `provincesOver` for drill-down links.
 */
export function createFederationService(deps: {
  db: Db;
  federationRepository: FederationRepository;
  unitsRepository: UnitsRepository;
  rollupsRepository: RollupsRepository;
  auditService: AuditService;
}) {
  const { db, federationRepository: repo, unitsRepository, rollupsRepository, auditService } = deps;

  /** The one root of this installation's tree (the nation's root, or a province's before it joins). */
  async function onlyRoot() {
    const roots = await repo.roots(db);
    if (roots.length !== 1)
      throw fail(`本系统应只有一个顶级单位，实有 ${roots.length} 个（${roots.map((r) => r.name).join('、')}）`);
    return roots[0];
  }

  /** The province's publication, created or redefined, its row filters naming these stubs. */
  async function setPublication(nationalUnitId: string, stubCampaignIds: string[]) {
    await db.transaction(async (tx) =>
      repo.run(tx, publicationSql({ nationalUnitId, stubCampaignIds, exists: await repo.publicationExists(tx) })),
    );
  }

  async function requireLogical() {
    const level = await repo.setting(db, 'wal_level');
    if (level !== 'logical')
      throw fail(`本库 wal_level = ${level}；发布需要 wal_level = logical（postgresql.conf 中设置后重启 PostgreSQL）`);
  }

  return {
    /** The nation: the header a province needs to join, for these national campaigns. */
    async header(campaignIds: string[]): Promise<FederationHeader> {
      const root = await onlyRoot();
      const out: FederationHeader = {
        unit: { id: root.id, name: root.name, code: root.code, kind: root.kind, divisionCode: root.divisionCode },
        campaigns: [],
      };
      for (const id of campaignIds) {
        const c = await repo.campaign(db, id);
        if (!c) throw fail(`没有编号为 ${id} 的行动`);
        if (c.unitId !== root.id || c.parentCampaignId)
          throw fail(`“${c.name}”不是${root.name}自己发布的行动，不能下发给各省`);
        const { createdBy: _by, createdAt: _c, updatedAt: _u, publishedAt, ...campaign } = c;
        const categories = (await repo.categories(db, id)).map(({ campaignId: _id, ...rest }) => rest);
        out.campaigns.push({ campaign: { ...campaign, publishedAt: publishedAt?.toISOString() ?? null }, categories });
      }
      return out;
    },

    /**
     * The province, once (idempotent): holds the stubs of the national root and campaigns, puts its
     * own root below the national root (paths rewritten, roll-ups recomputed from the records, in
     * one transaction), lets its root take part in the national campaigns (so its office derives
     * its 实施方案 as from any superior's plan), then creates or redefines the publication.
     */
    async publish(header: FederationHeader) {
      await requireLogical();
      const nation = header.unit;
      // The row filters first, committed on their own: a stub inserted while the filters did not yet
      // name it would travel to the nation, where its id is taken (the subscription would stop).
      const stubs = new Set([
        ...(await repo.campaignIdsOf(db, nation.id)),
        ...header.campaigns.map((c) => c.campaign.id),
      ]);
      await setPublication(nation.id, [...stubs]);
      await db.transaction(async (tx) => {
        if (!(await repo.unit(tx, nation.id))) {
          const taken = await repo.codesTaken(tx, [nation.code], []);
          if (taken.length) throw fail(`机构编码“${nation.code}”在本省已被使用，与国家级根单位冲突`);
          const row = { ...nation, parentId: null, path: `/${nation.id}/`, depth: 0 };
          await repo.insertUnit(tx, row);
          await auditService.record(tx, systemActor, {
            action: 'unit.create',
            recordId: nation.id,
            unitId: nation.id,
            after: row,
          });
        }
        const ownRoots = (await repo.roots(tx)).filter((r) => r.id !== nation.id);
        if (ownRoots.length > 1) throw fail(`本省应只有一个顶级单位（省局），实有 ${ownRoots.length} 个`);
        if (ownRoots.length === 1) {
          const root = ownRoots[0];
          await repo.setParent(tx, root.id, nation.id);
          await unitsRepository.rewriteSubtreePaths(tx, root.path, `/${nation.id}${root.path}`, 1);
          await rollupsRepository.rebuild(tx);
          await auditService.record(tx, systemActor, {
            action: 'unit.move',
            recordId: root.id,
            unitId: root.id,
            before: root,
            after: await repo.unit(tx, root.id),
          });
        }
        // Joined before: the province's root is the one unit below the national root.
        const provinceRoot = ownRoots[0] ?? (await unitsRepository.listChildren(tx, nation.id))[0];
        if (!provinceRoot) throw fail('本省还没有省局（顶级单位）');
        for (const { campaign, categories } of header.campaigns) {
          if (!(await repo.campaign(tx, campaign.id))) {
            const row = {
              ...campaign,
              unitId: nation.id,
              parentCampaignId: null,
              path: `/${campaign.id}/`,
              officeUnitId: null,
              predecessorCampaignId: null,
              publishedAt: campaign.publishedAt ? new Date(campaign.publishedAt) : null,
            };
            await repo.insertCampaign(tx, row);
            await repo.insertCategories(
              tx,
              categories.map((c) => ({ ...c, campaignId: campaign.id })),
            );
            await auditService.record(tx, systemActor, {
              action: 'campaign.create',
              recordId: campaign.id,
              unitId: nation.id,
              after: row,
            });
          }
          await repo.addParticipant(tx, campaign.id, provinceRoot.id);
        }
      });
    },

    /**
     * The nation: subscribes to a province (its publication made by `publish`). Checks first what
     * would stop the subscription later (no publication, a unit code taken on both sides), then
     * records the province, installs the national triggers (idempotent) and creates the subscription,
     * whose initial copy brings the province's rows so far.
     */
    async subscribe(opts: { name: string; conninfo: string; baseUrl: string }) {
      const nation = await onlyRoot();
      const subscription = subscriptionName(opts.name);
      const baseUrl = new URL(opts.baseUrl).toString().replace(/\/$/, '');
      const province = await readProvince(opts.conninfo, nation.id);
      if (!province.published) throw fail('该省的数据库还没有发布（先在该省运行 federation publish）');
      if (province.roots.length !== 1)
        throw fail(`该省应有一个直属于${nation.name}的顶级单位，实有 ${province.roots.length} 个`);
      const root = province.roots[0];
      const clash = await repo.codesTaken(db, province.codes, []);
      if (clash.length && !(await repo.unit(db, root.id)))
        throw fail(`机构编码在国家级系统中已被使用：${clash.slice(0, 10).join('、')}`);
      await db.transaction(async (tx) => {
        await repo.insertProvince(tx, {
          unitId: root.id,
          parentUnitId: nation.id,
          name: root.name,
          subscription,
          baseUrl,
        });
        await repo.run(tx, nationalSetupSql());
      });
      await repo.run(db, [subscriptionSql({ name: opts.name, conninfo: opts.conninfo })]);
      return { subscription, provinceUnitId: root.id, provinceName: root.name };
    },

    /**
     * The nation: stops receiving a province and removes its rows, the national units' sums
     * included (federation.sql.ts `removeProvinceSql`). `subscribe` again makes a fresh full copy:
     * the way to start over should the nation ever disagree with a province.
     */
    async unsubscribe(name: string) {
      const subscription = subscriptionName(name);
      const province = (await repo.provinces(db)).find((p) => p.subscription === subscription);
      if (!province) throw fail(`没有名为 ${subscription} 的省份订阅`);
      await repo.run(db, [dropSubscriptionSql(subscription)]);
      await db.transaction((tx) => repo.run(tx, removeProvinceSql(province.unitId)));
      return province;
    },

    /** The nation, after an upgrade: the national triggers again (a new figure column is carried from then on). */
    async setup() {
      if ((await repo.provinces(db)).length === 0) throw fail('本系统还没有订阅任何省份');
      await db.transaction((tx) => repo.run(tx, nationalSetupSql()));
    },

    /** The nation: each province's subscription, as pg_stat_subscription shows it. */
    async status() {
      const [provinces, states] = await Promise.all([repo.provinces(db), repo.subscriptionStates(db)]);
      return provinces.map((p) => ({ ...p, ...states.find((s) => s.subscription === p.subscription) }));
    },

    subscriptionStates: () => repo.subscriptionStates(db),

    /**
     * The federated provinces whose records make a figure of this unit (the unit's own province, or
     * each province below it), with their installation's address: the national database holds
     * none of their records, so a drill-down there leads to the province.
     */
    provincesOver: (unitPath: string) => repo.provincesOver(db, unitPath),
  };
}

export type FederationService = ReturnType<typeof createFederationService>;
