import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { IndicatorQuery, IndicatorSource } from '../../platform/assessment/indicator-source';
import { badRequest, conflict, forbidden, notFound, type FieldError } from '../../platform/errors';
import { isPathInScope, isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import { scoreUnits, SCORING_RULES, type SchemeIndicator } from './scorecard';
import { scorecardFileName, scorecardXlsx } from './scorecard-xlsx';
import { scorecardPolicy as policy } from './scorecards.policy';
import type { ScorecardsRepository } from './scorecards.repository';
import type { AssessmentSchemeRow, FrozenResult, FrozenScheme } from './scorecards.schema';

const STALE = '该考核方案已被他人修改，请刷新后查看';

/** A unit the plan judges, with the label the plan's board names it by. */
export interface JudgedUnit {
  id: string;
  path: string;
  name: string;
  unitLabel: string;
}

export interface SchemeInput {
  name: string;
  indicators: SchemeIndicator[];
}

export interface ScorecardsDeps {
  db: Db;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  campaignsRepository: Pick<CampaignsRepository, 'findById'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  auditService: AuditService;
  scorecardsRepository: ScorecardsRepository;
  /** The units a plan judges: those that owe it reports (reports' owing-units rule). */
  judgedUnits: (campaign: CampaignRow) => Promise<JudgedUnit[]>;
  /** The indicators (考核指标) the modules that own the records measure; wired in services.ts. */
  indicatorSources: IndicatorSource[];
  /** 同比: the plan's predecessor (last year's plan), when one is linked. */
  findPredecessor?: (campaignId: string) => Promise<string | null>;
}

/** The same day a year earlier (29 February → 28 February). */
export function yearEarlier(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * 考核评分: a plan's schemes (indicators with weights and rules), the live scorecard of the units
 * the plan judges (each value from the module that owns its records, 穿透 to them), publication
 * (the scheme and every unit's result frozen) and the .xlsx of either. Ranks are computed over
 * all the judged units; a caller sees the lines of the units in his scope.
 */
export function createScorecardsService(deps: ScorecardsDeps) {
  const { db, campaignsService, campaignsRepository, unitsRepository, auditService, judgedUnits } = deps;
  const repo = deps.scorecardsRepository;
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

  async function issuerPath(campaign: CampaignRow) {
    return (await unitsRepository.findById(db, campaign.unitId))!.path;
  }

  async function requireCampaign(actor: Actor, campaignId: string) {
    const campaign = await campaignsService.requireVisible(actor, campaignId);
    return { campaign, issuer: await issuerPath(campaign) };
  }

  async function requireScheme(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findScheme(db, id) : undefined;
    const found = row && (await requireCampaign(actor, row.campaignId).catch(() => undefined));
    if (!row || !found) throw notFound('考核方案');
    return { row, ...found };
  }

  function requireManage(actor: Actor, issuer: string) {
    if (!policy.canManage(actor, issuer)) throw forbidden('只有制定方案单位的专项办可以维护考核方案、公布考核结果');
  }

  /** The indicators' errors beyond their shape: known kinds, each once, a target or points each where the rule needs one. */
  function check(input: SchemeInput) {
    const errors: FieldError[] = [];
    if (!input.indicators.length) errors.push({ path: 'indicators', message: '请至少设置一项考核指标（indicators）' });
    const seen = new Set<string>();
    input.indicators.forEach((ind, n) => {
      const at = (f: string) => `indicators.${n}.${f}`;
      if (!sources.has(ind.kind))
        errors.push({ path: at('kind'), message: `第 ${n + 1} 项指标的类型（kind）不是可用的考核指标` });
      else if (seen.has(ind.kind))
        errors.push({ path: at('kind'), message: `第 ${n + 1} 项指标（${ind.label}）与前面的指标重复` });
      seen.add(ind.kind);
      if (!(SCORING_RULES as readonly string[]).includes(ind.rule))
        errors.push({ path: at('rule'), message: `第 ${n + 1} 项指标的计分规则（rule）无效` });
      if (!(ind.weight > 0)) errors.push({ path: at('weight'), message: `第 ${n + 1} 项指标的分值（weight）应大于 0` });
      if (ind.rule === 'target' && !((ind.target ?? 0) > 0))
        errors.push({ path: at('target'), message: `第 ${n + 1} 项指标按目标值计分，请填写大于 0 的目标值（target）` });
      if (ind.rule === 'per_record' && !((ind.pointsEach ?? 0) > 0))
        errors.push({
          path: at('pointsEach'),
          message: `第 ${n + 1} 项指标按件计分，请填写大于 0 的每件得分（pointsEach）`,
        });
    });
    if (errors.length) throw badRequest('考核方案填写有误', errors);
    return input.indicators.map((i) => ({
      kind: i.kind,
      label: i.label.trim(),
      weight: i.weight,
      rule: i.rule,
      ...(i.rule === 'target' ? { target: i.target } : {}),
      ...(i.rule === 'per_record' ? { pointsEach: i.pointsEach } : {}),
    }));
  }

  function period(campaign: CampaignRow, q: { from?: string; to?: string }) {
    const from = q.from ?? campaign.startDate;
    const to = q.to ?? campaign.endDate;
    if (from > to)
      throw badRequest('考核期间有误', [{ path: 'to', message: '考核期间的截止日期（to）不能早于开始日期（from）' }]);
    return { from, to };
  }

  const schemeView = (row: AssessmentSchemeRow, manage: boolean) => ({
    id: row.id,
    campaignId: row.campaignId,
    name: row.name,
    indicators: describe(row.indicators),
    totalWeight: row.indicators.reduce((s, i) => s + i.weight, 0),
    revision: row.revision,
    updatedAt: row.updatedAt,
    version: row.version,
    can: { manage },
  });

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

  async function live(actor: Actor, id: string, q: { from?: string; to?: string }) {
    const { row, campaign, issuer } = await requireScheme(actor, id);
    const { from, to } = period(campaign, q);
    const { results, comparison } = await scorecard(campaign, row.indicators, from, to);
    return { row, campaign, issuer, from, to, results, comparison };
  }

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

  async function requirePublication(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findPublication(db, id) : undefined;
    const found = row && (await requireCampaign(actor, row.campaignId).catch(() => undefined));
    if (!row || !found) throw notFound('考核结果');
    return { row, ...found };
  }

  const publicationSummary = (p: {
    id: string;
    periodFrom: string;
    periodTo: string;
    scheme: FrozenScheme;
    note: string | null;
    publishedAt: Date;
    results: FrozenResult[];
  }) => ({
    id: p.id,
    from: p.periodFrom,
    to: p.periodTo,
    name: p.scheme.name,
    revision: p.scheme.revision,
    note: p.note,
    publishedAt: p.publishedAt,
    unitCount: p.results.length,
  });

  return {
    kinds,

    async list(actor: Actor, campaignId: string) {
      const { issuer } = await requireCampaign(actor, campaignId);
      const manage = policy.canManage(actor, issuer);
      return {
        items: (await repo.listSchemes(db, campaignId)).map((r) => schemeView(r, manage)),
        kinds: kinds(),
        can: { manage },
      };
    },

    async create(actor: Actor, campaignId: string, input: SchemeInput) {
      const { campaign, issuer } = await requireCampaign(actor, campaignId);
      requireManage(actor, issuer);
      const indicators = check(input);
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertScheme(tx, {
          campaignId,
          name: input.name.trim(),
          indicators,
          createdBy: actor.isSystemAdmin ? null : actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'assessment_scheme.create',
          recordId: inserted.id,
          unitId: campaign.unitId,
          after: inserted,
        });
        return inserted;
      });
      return schemeView(row, true);
    },

    async get(actor: Actor, id: string) {
      const { row, issuer } = await requireScheme(actor, id);
      return schemeView(row, policy.canManage(actor, issuer));
    },

    async update(actor: Actor, id: string, input: SchemeInput & { version: number }) {
      const { row, campaign, issuer } = await requireScheme(actor, id);
      requireManage(actor, issuer);
      const indicators = check(input);
      const updated = await db.transaction(async (tx) => {
        const published = (await repo.listPublications(tx, id)).some((p) => p.scheme.revision === row.revision);
        const next = await repo.updateScheme(tx, id, input.version, {
          name: input.name.trim(),
          indicators,
          revision: published ? row.revision + 1 : row.revision,
        });
        if (!next) throw conflict(STALE);
        await auditService.record(tx, actor, {
          action: 'assessment_scheme.update',
          recordId: id,
          unitId: campaign.unitId,
          before: row,
          after: next,
        });
        return next;
      });
      return schemeView(updated, true);
    },

    async remove(actor: Actor, id: string, version: number) {
      const { row, campaign, issuer } = await requireScheme(actor, id);
      requireManage(actor, issuer);
      await db.transaction(async (tx) => {
        if ((await repo.listPublications(tx, id)).length) throw conflict('该考核方案已公布过考核结果，不能删除');
        if (!(await repo.deleteScheme(tx, id, version))) throw conflict(STALE);
        await auditService.record(tx, actor, {
          action: 'assessment_scheme.delete',
          recordId: id,
          unitId: campaign.unitId,
          before: row,
        });
      });
    },

    /** The live scorecard: the lines of the units in the caller's scope, ranked among all. */
    async scorecard(actor: Actor, id: string, q: { from?: string; to?: string }) {
      const { row, issuer, from, to, results, comparison } = await live(actor, id, q);
      return {
        scheme: schemeView(row, policy.canManage(actor, issuer)),
        from,
        to,
        comparison,
        rows: visibleRows(actor, results),
      };
    },

    /** 穿透: the records behind one unit's value of one indicator over the period. */
    async records(actor: Actor, id: string, q: { from?: string; to?: string; unitId: string; kind: string }) {
      const { row, campaign } = await requireScheme(actor, id);
      return records(campaign, row.indicators, actor, { ...period(campaign, q), unitId: q.unitId, kind: q.kind });
    },

    async xlsx(actor: Actor, id: string, q: { from?: string; to?: string }) {
      const { row, campaign, from, to, results, comparison } = await live(actor, id, q);
      const title = `${campaign.name}${row.name}`;
      return {
        fileName: scorecardFileName(title),
        content: await scorecardXlsx({
          title,
          from,
          to,
          subtitle: '实时计算（未公布）',
          indicators: describe(row.indicators),
          rows: visibleRows(actor, results),
          comparison,
        }),
      };
    },

    /** 公布: freezes the scheme as it stands (its revision) and every judged unit's result. */
    async publish(
      actor: Actor,
      id: string,
      input: { from?: string; to?: string; note?: string | null; version: number },
    ) {
      const { row, campaign, issuer } = await requireScheme(actor, id);
      requireManage(actor, issuer);
      if (row.version !== input.version) throw conflict(STALE);
      const { from, to } = period(campaign, input);
      const { results } = await scorecard(campaign, row.indicators, from, to);
      const published = await db.transaction(async (tx) => {
        const current = await repo.findScheme(tx, id);
        if (!current || current.version !== input.version) throw conflict(STALE);
        const inserted = await repo.insertPublication(tx, {
          schemeId: id,
          campaignId: campaign.id,
          periodFrom: from,
          periodTo: to,
          scheme: { revision: row.revision, name: row.name, indicators: row.indicators },
          results,
          note: input.note?.trim() || null,
          publishedBy: actor.isSystemAdmin ? null : actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'assessment.publish',
          recordId: inserted.id,
          unitId: campaign.unitId,
          after: { schemeId: id, revision: row.revision, from, to, units: results.length },
        });
        return inserted;
      });
      return publicationSummary(published);
    },

    async publications(actor: Actor, id: string) {
      await requireScheme(actor, id);
      return { items: (await repo.listPublications(db, id)).map(publicationSummary) };
    },

    /** A published scorecard, read from its frozen copy. */
    async publication(actor: Actor, id: string) {
      const { row } = await requirePublication(actor, id);
      return {
        ...publicationSummary(row),
        schemeId: row.schemeId,
        campaignId: row.campaignId,
        indicators: describe(row.scheme.indicators),
        comparison: row.results.some((r) => r.previousTotal !== undefined),
        rows: visibleRows(actor, row.results),
      };
    },

    /** 穿透 of a published line: the records of the frozen period. */
    async publicationRecords(actor: Actor, id: string, q: { unitId: string; kind: string }) {
      const { row, campaign } = await requirePublication(actor, id);
      return records(campaign, row.scheme.indicators, actor, { from: row.periodFrom, to: row.periodTo, ...q });
    },

    async publicationXlsx(actor: Actor, id: string) {
      const { row, campaign } = await requirePublication(actor, id);
      const title = `${campaign.name}${row.scheme.name}`;
      return {
        fileName: scorecardFileName(title),
        content: await scorecardXlsx({
          title,
          from: row.periodFrom,
          to: row.periodTo,
          subtitle: `第 ${row.scheme.revision} 版方案 · 公布于 ${row.publishedAt.toISOString().slice(0, 10)}`,
          indicators: describe(row.scheme.indicators),
          rows: visibleRows(actor, row.results),
          comparison: row.results.some((r) => r.previousTotal !== undefined),
        }),
      };
    },
  };
}

export type ScorecardsService = ReturnType<typeof createScorecardsService>;
