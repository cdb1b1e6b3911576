import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { fenToYuan } from '../../platform/money';
import { yearEarlier } from '../../platform/year-compare';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { countActiveHandlersPerChild } from '../cases/case-indicators';
import { figureDef, MONEY_FIGURES } from '../rollups/metrics';
import type { RollupsService } from '../rollups/rollups.service';
import { bucketsOf, type Bucket } from './dashboards.buckets';
import { dashboardsPolicy } from './dashboards.policy';

/** The figures every dashboard chart shows: 立案, 结案, 罚没款 — each a drill-down metric (DRILL_METRICS). */
export const DASHBOARD_FIGURES = ['casesFiled', 'casesClosed', 'finesAndConfiscations'] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];
type Values = Record<DashboardFigure, bigint>;
export type FigureOut = { casesFiled: number; casesClosed: number; finesAndConfiscations: string };

/** A figure as the API sends it: counts as numbers, money as 元 text (exact past 2^53 fen). */
const shown = (v: Values): FigureOut => ({
  casesFiled: Number(v.casesFiled),
  casesClosed: Number(v.casesClosed),
  finesAndConfiscations: fenToYuan(v.finesAndConfiscations),
});
const zero = (): Values => ({ casesFiled: 0n, casesClosed: 0n, finesAndConfiscations: 0n });
const figures = DASHBOARD_FIGURES.map((f) => ({
  metric: f,
  label: figureDef(f).label,
  unit: figureDef(f).unit,
  money: MONEY_FIGURES.has(f),
}));

/** 人均: a count per handler to two decimals (as the scorecards' 人均立案数), money per handler in 元. */
const perHandler = (v: Values, handlers: number) => {
  if (handlers === 0) return null;
  const n = BigInt(handlers);
  return {
    casesFiled: Math.round((Number(v.casesFiled) / handlers) * 100) / 100,
    casesClosed: Math.round((Number(v.casesClosed) / handlers) * 100) / 100,
    finesAndConfiscations: fenToYuan((v.finesAndConfiscations * 2n + n) / (2n * n)),
  };
};

/**
 * 数据看板: the charts of a campaign for a unit (its subtree) and a period — the trend by week or
 * month against last year's plan, the figures by 违法类型, and the ranking of the units below.
 * Every number is a sum over the roll-up (rollupsService.figureGroups / figureRows), never a scan of
 * the records; each point names the drill-down (穿透, GET /api/campaigns/:id/stats/records) that
 * lists its records — campaign, unit, category, days and metric — whose count or sum equals it.
 */
export function createDashboardsService(deps: {
  db: Db;
  rollupsService: RollupsService;
  campaignsService: CampaignsService;
  campaignsRepository: CampaignsRepository;
  /** The heavy reads' handle (DATABASE_READ_URL, db/read-replica.ts); `db` when not given. */
  reader?: Db;
}) {
  const { db, rollupsService, campaignsService, campaignsRepository } = deps;
  const reader = deps.reader ?? db;

  async function scope(actor: Actor, q: { campaignId: string; unitId?: string; from?: string; to?: string }) {
    if (!dashboardsPolicy.canView(actor)) throw forbidden('无权查看数据看板');
    const s = await rollupsService.figureScope(actor, q.campaignId, q);
    return {
      ...s,
      head: {
        campaignId: s.campaign.id,
        campaignName: s.campaign.name,
        unitId: s.unit.id,
        unitName: s.unit.name,
        from: s.from,
        to: s.to,
        figures,
      },
    };
  }

  /** One series: the campaign's figures per bucket of [from, to] for the unit. */
  async function series(campaignId: string, unitId: string, from: string, to: string, bucket: Bucket) {
    const groups = await rollupsService.figureGroups(
      { campaignId, unitIds: [unitId], from, to, by: [bucket] },
      DASHBOARD_FIGURES,
    );
    const byKey = new Map(groups.map((g) => [g.key[bucket], g.values as Values]));
    return bucketsOf(from, to, bucket).map((b) => ({
      bucket: b.key,
      values: shown(byKey.get(b.key) ?? zero()),
      drill: { campaignId, unitId, category: 'total', from: b.from, to: b.to },
    }));
  }

  return {
    /**
     * 趋势: 立案, 结案, 罚没款 by week or month, this year against last year — the predecessor plan
     * (上一年度行动) over the same days one year earlier, aligned bucket by bucket (the n-th week
     * or month of each period). Without a predecessor, this year only (`previous` null, `note` says so).
     */
    async trend(actor: Actor, q: { campaignId: string; unitId?: string; from?: string; to?: string; bucket: Bucket }) {
      const { unit, from, to, head } = await scope(actor, q);
      const predecessorId = await campaignsService.findPredecessor(q.campaignId);
      const predecessor = predecessorId ? await campaignsRepository.findById(db, predecessorId) : null;
      const current = await series(q.campaignId, unit.id, from, to, q.bucket);
      const lastFrom = yearEarlier(from);
      const lastTo = yearEarlier(to);
      const previous = predecessor ? await series(predecessor.id, unit.id, lastFrom, lastTo, q.bucket) : null;
      const length = Math.max(current.length, previous?.length ?? 0);
      return {
        ...head,
        bucket: q.bucket,
        previous: predecessor
          ? { campaignId: predecessor.id, campaignName: predecessor.name, from: lastFrom, to: lastTo }
          : null,
        note: predecessor ? null : '本行动未指定上一年度行动，只显示本年度数字',
        points: Array.from({ length }, (_, n) => ({
          index: n + 1,
          current: current[n] ?? null,
          previous: previous?.[n] ?? null,
        })),
      };
    },

    /** 按违法类型: the campaign's categories with their figures, and 合计. */
    async categories(actor: Actor, q: { campaignId: string; unitId?: string; from?: string; to?: string }) {
      const { unit, from, to, head } = await scope(actor, q);
      const rows = await rollupsService.figureRows({ campaignId: q.campaignId, unitId: unit.id, from, to }, [
        ...DASHBOARD_FIGURES,
      ]);
      return {
        ...head,
        rows: rows.map((r) => ({
          category: r.category,
          label: r.label,
          subLabel: r.subLabel,
          values: shown(r.values as Values),
          drill: { campaignId: q.campaignId, unitId: unit.id, category: r.category, from, to },
        })),
      };
    },

    /**
     * 下级单位排名: each unit directly below with its subtree's figures, most cases filed first, and
     * 人均 per active 办案人员 account in its subtree (the scorecards' divisor; null without handlers).
     */
    async units(actor: Actor, q: { campaignId: string; unitId?: string; from?: string; to?: string }) {
      const { unit, from, to, head } = await scope(actor, q);
      const children = await rollupsService.childUnits(unit.id);
      const [groups, handlers] = await Promise.all([
        rollupsService.figureGroups(
          { campaignId: q.campaignId, unitIds: children.map((c) => c.id), from, to, by: ['unit'] },
          DASHBOARD_FIGURES,
        ),
        countActiveHandlersPerChild(reader, unit.id),
      ]);
      const byUnit = new Map(groups.map((g) => [g.key.unit, g.values as Values]));
      const rows = children.map((c) => {
        const v = byUnit.get(c.id) ?? zero();
        return { c, v, handlers: handlers.get(c.id) ?? 0 };
      });
      rows.sort(
        (a, b) =>
          Number(b.v.casesFiled - a.v.casesFiled) ||
          Number(b.v.finesAndConfiscations - a.v.finesAndConfiscations) ||
          a.c.code.localeCompare(b.c.code),
      );
      return {
        ...head,
        rows: rows.map(({ c, v, handlers: h }) => ({
          unitId: c.id,
          unitName: c.name,
          handlers: h,
          values: shown(v),
          perCapita: perHandler(v, h),
          drill: { campaignId: q.campaignId, unitId: c.id, category: 'total', from, to },
        })),
      };
    },
  };
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
