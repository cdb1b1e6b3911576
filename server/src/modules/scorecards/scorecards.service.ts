import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { IndicatorSource } from '../../platform/assessment/indicator-source';
import { badRequest, conflict, forbidden, notFound, type FieldError } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import { SCORING_RULES, type SchemeIndicator } from './scorecard';
import { createScorecardComputation, type JudgedUnit } from './scorecard-computation';
import { scorecardFileName, scorecardXlsx } from './scorecard-xlsx';
import { scorecardPolicy as policy } from './scorecards.policy';
import type { ScorecardsRepository } from './scorecards.repository';
import type { AssessmentSchemeRow, FrozenResult, FrozenScheme } from './scorecards.schema';

export { type JudgedUnit } from './scorecard-computation';

const STALE = '该考核方案已被他人修改，请刷新后查看';

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

/**
 * 考核评分: a plan's schemes (indicators with weights and rules), the live scorecard of the units
 * the plan judges (each value from the module that owns its records, 穿透 to them), publication
 * (the scheme and every unit's result frozen) and the .xlsx of either. Ranks are computed over
 * all the judged units; a caller sees the lines of the units in his scope.
 */
export function createScorecardsService(deps: ScorecardsDeps) {
  const { db, campaignsService, unitsRepository, auditService } = deps;
  const repo = deps.scorecardsRepository;
  const { sources, kinds, describe, period, scorecard, visibleRows, records } = createScorecardComputation(deps);

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

  async function live(actor: Actor, id: string, q: { from?: string; to?: string }) {
    const { row, campaign, issuer } = await requireScheme(actor, id);
    const { from, to } = period(campaign, q);
    const { results, comparison } = await scorecard(campaign, row.indicators, from, to);
    return { row, campaign, issuer, from, to, results, comparison };
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
