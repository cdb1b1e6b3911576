import type { Db } from '../../db/database';
import { yearEarlier } from '../../platform/year-compare';
import type { Actor } from '../../platform/actor';
import type { IndicatorQuery, IndicatorSource } from '../../platform/assessment/indicator-source';
import { badRequest, notFound } from '../../platform/errors';
import { isPathInScope } from '../../platform/scope';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import { scoreUnits, type SchemeIndicator } from './scorecard';
import type { FrozenResult } from './scorecards.schema';

/** A unit the plan judges, with the label the plan's board names it by. */
export interface JudgedUnit {
  id: string;
  path: string;
  name: string;
  unitLabel: string;
}

/**
 * The computing side of 考核评分, apart from the schemes' writing and publication: the indicators
 * the sources offer, the period of a plan, every judged unit's values, points, total and rank (with
 * last year's, 同比), the lines a caller may see, and 穿透 to the records behind one value.
 */
export function createScorecardComputation(deps: {
  db: Db;
  campaignsRepository: Pick<CampaignsRepository, 'findById'>;
  judgedUnits: (campaign: CampaignRow) => Promise<JudgedUnit[]>;
  indicatorSources: IndicatorSource[];
  findPredecessor?: (campaignId: string) => Promise<string | null>;
}) {
  const { db, campaignsRepository, judgedUnits } = deps;
  const sources = new Map(deps.indicatorSources.map((s) => [s.kind, s]));
  const findPredecessor = deps.findPredecessor ?? (() => Promise.resolve(null));

  const kinds = () =>
    deps.indicatorSources.map((s) => ({ kind: s.kind, label: s.label, unit: s.unit, format: s.format }));

  const describe = (indicators: SchemeIndicator[]) =>
    indicators.map((i) => ({
      ...i,
      target: i.target ?? null,
      pointsEach: i.pointsEach ?? null,
      unit: sources.get(i.kind)?.unit ?? '',
      format: sources.get(i.kind)?.format ?? ('count' as const),
    }));

  function period(campaign: CampaignRow, q: { from?: string; to?: string }) {
    const from = q.from ?? campaign.startDate;
    const to = q.to ?? campaign.endDate;
    if (from > to)
      throw badRequest('考核期间有误', [{ path: 'to', message: '考核期间的截止日期（to）不能早于开始日期（from）' }]);
    return { from, to };
  }

  /** Every judged unit's values, points, total and rank (and last year's, when the plan has a predecessor). */
  async function compute(campaign: CampaignRow, indicators: SchemeIndicator[], from: string, to: string) {
    const units = await judgedUnits(campaign);
    const q: IndicatorQuery = {
      campaignId: campaign.id,
      campaignPath: campaign.path,
      units: units.map((u) => ({ id: u.id, path: u.path })),
      from,
      to,
    };
    const measured = new Map<string, Map<string, number>>();
    for (const ind of indicators) {
      const source = sources.get(ind.kind);
      measured.set(ind.kind, source && units.length ? await source.measure(q) : new Map());
    }
    const scored = scoreUnits(
      indicators,
      units.map((u) => u.id),
      (kind, unitId) => measured.get(kind)?.get(unitId) ?? 0,
    );
    return units.map((u, i) => ({ unit: u, ...scored[i] }));
  }

  async function scorecard(campaign: CampaignRow, indicators: SchemeIndicator[], from: string, to: string) {
    const rows = await compute(campaign, indicators, from, to);
    const previousId = await findPredecessor(campaign.id);
    const previous = previousId ? await campaignsRepository.findById(db, previousId) : undefined;
    const before = previous
      ? new Map(
          (await compute(previous, indicators, yearEarlier(from), yearEarlier(to))).map((r) => [r.unit.id, r] as const),
        )
      : undefined;
    const results: FrozenResult[] = rows.map((r) => ({
      unitId: r.unit.id,
      unitName: r.unit.unitLabel || r.unit.name,
      unitPath: r.unit.path,
      values: r.values,
      scores: r.scores,
      total: r.total,
      rank: r.rank,
      ...(before
        ? { previousTotal: before.get(r.unit.id)?.total ?? null, previousRank: before.get(r.unit.id)?.rank ?? null }
        : {}),
    }));
    return { results, comparison: before !== undefined };
  }

  const visibleRows = (actor: Actor, results: FrozenResult[]) =>
    results
      .filter((r) => isPathInScope(actor, r.unitPath))
      .sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, 'zh-CN'))
      .map(({ unitPath: _path, ...r }) => ({
        ...r,
        previousTotal: r.previousTotal ?? null,
        previousRank: r.previousRank ?? null,
      }));

  async function records(
    campaign: CampaignRow,
    indicators: SchemeIndicator[],
    actor: Actor,
    p: { from: string; to: string; unitId: string; kind: string },
  ) {
    const unit = (await judgedUnits(campaign)).find((u) => u.id === p.unitId);
    if (!unit || !isPathInScope(actor, unit.path)) throw notFound('考核单位');
    const ind = indicators.find((i) => i.kind === p.kind);
    const source = sources.get(p.kind);
    if (!ind || !source) throw notFound('考核指标');
    const units = [{ id: unit.id, path: unit.path }];
    const q = { campaignId: campaign.id, campaignPath: campaign.path, units, from: p.from, to: p.to };
    const items = await source.records({ ...q, unitId: unit.id });
    const value = await source.measure(q);
    return {
      unitId: unit.id,
      unitName: unit.unitLabel || unit.name,
      kind: ind.kind,
      label: ind.label,
      unit: source.unit,
      format: source.format,
      value: value.get(unit.id) ?? 0,
      items,
    };
  }

  return { sources, kinds, describe, period, scorecard, visibleRows, records };
}
