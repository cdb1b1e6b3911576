import type { Db } from '../../db/database';
import { systemActor, type Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignKpi, KpiMeasure, KpiPeriod } from '../campaigns/campaign-plan.types';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { RandomChecksRepository } from '../random-checks/random-checks.repository';
import type { RectificationsRepository } from '../rectifications/rectifications.repository';
import type { ReportsService } from '../reports/reports.service';
import { CHECK_RESULT_LABELS } from '../random-checks/random-check.types';
import { measureFacts, type KpiFacts } from './kpi-facts';
import { currentKpiPeriod, isOngoing, kpiPeriods, type KpiPeriodRange } from './kpi-periods';
import { kpiPolicy } from './kpis.policy';
import type { KpisRepository } from './kpis.repository';
import type { UnitsRepository } from '../units/units.repository';

/** A plan's KPI as stored (plans saved before KPIs were measured have neither measure nor period). */
type StoredKpi = Omit<CampaignKpi, 'measure' | 'period'> & { measure?: KpiMeasure; period?: KpiPeriod };
export type PlanKpi = CampaignKpi & { index: number };
/** A unit a KPI is judged for. */
export interface JudgedUnit {
  id: string;
  name: string;
  path: string;
  unitLabel: string;
}

export const RATIO_MEASURES: KpiMeasure[] = [
  'random_check_coverage',
  'publication_rate',
  'report_on_time_rate',
  'rectification_closure_rate',
  'manual',
];

export const planKpis = (campaign: { kpis: StoredKpi[] }): PlanKpi[] =>
  campaign.kpis.map((k, index) => ({ ...k, measure: k.measure ?? 'none', period: k.period ?? 'campaign', index }));

/**
 * 考核指标: each KPI of a plan measured from the records of the plan and its 实施方案 (the campaign
 * tree), per period and per unit the plan judges, within the caller's scope; the records behind
 * each figure; the hand-entered figures of manual KPIs.
 */
export function createKpisService(deps: {
  db: Db;
  kpisRepository: KpisRepository;
  campaignsService: CampaignsService;
  reportsService: ReportsService;
  randomChecksRepository: RandomChecksRepository;
  rectificationsRepository: RectificationsRepository;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, kpisRepository: repo, campaignsService, reportsService, auditService } = deps;
  const now = deps.now ?? (() => new Date());

  /** The records one KPI reads in one period, over the whole tree (units pick theirs by path). */
  async function factsOf(campaign: CampaignRow, kpi: PlanKpi, p: KpiPeriodRange): Promise<KpiFacts> {
    const q = { campaignPath: campaign.path, from: p.from, to: p.to };
    switch (kpi.measure) {
      case 'random_check_coverage':
      case 'publication_rate': {
        const results = await deps.randomChecksRepository.resultsInTree(db, q);
        const coverage = kpi.measure === 'random_check_coverage';
        const facts = results.map((r) => ({
          unitPath: coverage ? r.entityUnitPath : r.drawUnitPath,
          key: coverage ? r.entityId : r.itemId,
          inNumerator: coverage || r.published,
          inDenominator: !coverage,
          record: {
            recordType: 'random_draw_item',
            recordId: r.itemId,
            title: `${r.entityName}：${r.result ? CHECK_RESULT_LABELS[r.result] : ''}${r.published ? '（已公示）' : '（未公示）'}（${r.drawName}）`,
            unitName: coverage ? r.drawUnitName : r.drawUnitName,
            date: r.checkDate,
            value: 1,
            link: `/random-checks/draws/${r.drawId}`,
          },
        }));
        return {
          ratio: true,
          facts,
          denominators: coverage ? await deps.randomChecksRepository.registerByUnit(db) : undefined,
        };
      }
      case 'typical_cases_closed':
      case 'important_leads': {
        const cases = kpi.measure === 'typical_cases_closed';
        const rows = await reportsService.quotaRecordsOf(cases ? 'typicalCases' : 'importantLeads', q);
        return {
          ratio: false,
          facts: rows.map((r) => ({
            unitPath: r.unitPath,
            key: r.id,
            inNumerator: true,
            inDenominator: false,
            record: {
              recordType: cases ? 'case' : 'lead',
              recordId: r.id,
              title: [r.number, r.title, r.partyName].filter(Boolean).join(' '),
              unitName: r.unitName,
              date: r.date,
              value: 1,
              link: cases ? `/cases/${r.id}` : `/leads/${r.id}`,
            },
          })),
        };
      }
      case 'report_on_time_rate': {
        const rows = await reportsService.owedReports(campaign, p);
        return {
          ratio: true,
          facts: rows.map((r) => ({
            unitPath: r.unitPath,
            key: `${r.unitId}|${r.name}|${r.periodEnd}`,
            inNumerator: r.onTime,
            inDenominator: true,
            record: {
              recordType: 'report',
              recordId: `${r.unitId}|${r.periodEnd}`,
              title: `${r.name}（截至 ${r.periodEnd}，${r.onTime ? '按时报送' : '逾期或未报'}）`,
              unitName: r.unitName,
              date: r.dueDate,
              value: 1,
              link: r.link,
            },
          })),
        };
      }
      case 'rectification_closure_rate': {
        const rows = await deps.rectificationsRepository.demandedInTree(db, q);
        return {
          ratio: true,
          facts: rows.map((r) => ({
            unitPath: r.unitPath,
            key: r.id,
            inNumerator: r.status === 'closed',
            inDenominator: true,
            record: {
              recordType: 'supervision_finding',
              recordId: r.id,
              title: `${r.description}（${r.status === 'closed' ? '已销号' : '整改中'}）`,
              unitName: r.unitName,
              date: r.date,
              value: 1,
              link: `/rectifications/${r.id}`,
            },
          })),
        };
      }
      case 'manual': {
        const rows = await repo.treeFigures(db, {
          campaignId: campaign.id,
          campaignPath: campaign.path,
          kpiName: kpi.name,
          periodLabel: p.label,
        });
        return {
          ratio: true,
          facts: [],
          figures: rows.map((r) => ({
            unitPath: r.unitPath,
            numerator: r.figure.numerator,
            denominator: r.figure.denominator,
            record: {
              recordType: 'kpi_manual_figure',
              recordId: r.figure.id,
              title: `${r.figure.numerator} / ${r.figure.denominator}：${r.figure.reason}（${r.figure.enteredByName} 填报）`,
              unitName: r.unitName,
              date: r.figure.enteredAt.toISOString().slice(0, 10),
              value: r.figure.numerator,
              link: `/campaigns/${campaign.id}?tab=kpis`,
            },
          })),
        };
      }
      case 'none':
        return { ratio: false, facts: [] };
    }
  }

  function periodsOf(campaign: CampaignRow, kpi: PlanKpi) {
    return kpiPeriods(campaign, kpi.period, todayInChina(now()));
  }
  function pickPeriod(campaign: CampaignRow, kpi: PlanKpi, label?: string) {
    const periods = periodsOf(campaign, kpi);
    return {
      periods,
      period: periods.find((p) => p.label === label) ?? currentKpiPeriod(periods, todayInChina(now()), kpi.period),
    };
  }
  function requireKpi(campaign: CampaignRow, kpiIndex: number) {
    const kpi = planKpis(campaign)[kpiIndex];
    if (!kpi) throw notFound('考核指标');
    return kpi;
  }
  const withoutRecords = <T extends { records: unknown }>({ records: _r, ...m }: T) => m;

  return {
    /**
     * Every KPI of the plan in its chosen period (`period`: a label such as 2026 or 2026-05 where
     * the KPI has it, else its current one), per judged unit in the caller's scope and in total.
     */
    async overview(actor: Actor, campaignId: string, q: { period?: string }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const units: JudgedUnit[] = await reportsService.judgedUnits(actor, campaign);
      const kpis = await Promise.all(
        planKpis(campaign).map(async (kpi) => {
          const { periods, period } = pickPeriod(campaign, kpi, q.period);
          const base = {
            index: kpi.index,
            name: kpi.name,
            comparator: kpi.comparator,
            target: kpi.target,
            unit: kpi.unit,
            description: kpi.description,
            measure: kpi.measure,
            period: kpi.period,
            periods,
            selectedPeriod: period.label,
            ongoing: isOngoing(period, todayInChina(now())),
          };
          if (kpi.measure === 'none') return { ...base, ratio: false, rows: [], total: null };
          const facts = await factsOf(campaign, kpi, period);
          const figures =
            kpi.measure === 'manual'
              ? await repo.figures(db, { campaignId: campaign.id, kpiIndex: kpi.index, periodLabel: period.label })
              : [];
          return {
            ...base,
            ratio: facts.ratio,
            rows: units.map((u) => {
              const own = figures.find((f) => f.figure.unitId === u.id)?.figure;
              return {
                unitId: u.id,
                unitName: u.name,
                unitLabel: u.unitLabel,
                ...withoutRecords(measureFacts(facts, [u.path], kpi)),
                figure: own
                  ? {
                      numerator: own.numerator,
                      denominator: own.denominator,
                      reason: own.reason,
                      version: own.version,
                      enteredByName: own.enteredByName,
                    }
                  : null,
                canEnter: kpi.measure === 'manual' && kpiPolicy.canEnterFigure(actor, u),
              };
            }),
            total: units.length
              ? withoutRecords(
                  measureFacts(
                    facts,
                    units.map((u) => u.path),
                    kpi,
                  ),
                )
              : null,
          };
        }),
      );
      return { campaignId: campaign.id, kpis };
    },

    /** 穿透: the records behind one unit's figure (or the total's, without unitId) of one KPI and period. */
    async records(actor: Actor, campaignId: string, kpiIndex: number, q: { unitId?: string; period?: string }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const kpi = requireKpi(campaign, kpiIndex);
      const units: JudgedUnit[] = await reportsService.judgedUnits(actor, campaign);
      const chosen = q.unitId ? units.filter((u) => u.id === q.unitId) : units;
      if (q.unitId && chosen.length === 0) throw notFound('考核单位');
      const { period } = pickPeriod(campaign, kpi, q.period);
      const m =
        kpi.measure === 'none' || chosen.length === 0
          ? { numerator: null, denominator: null, actual: null, met: null, records: [] }
          : measureFacts(
              await factsOf(campaign, kpi, period),
              chosen.map((u) => u.path),
              kpi,
            );
      return {
        kpiIndex,
        name: kpi.name,
        unit: kpi.unit,
        period: period.label,
        unitId: q.unitId ?? null,
        unitName: q.unitId ? chosen[0].name : '合计',
        ...m,
      };
    },

    /** 填报: a unit's figure of a manual KPI for a period (new: version 0), with its reason; audited. */
    async saveFigure(
      actor: Actor,
      campaignId: string,
      kpiIndex: number,
      input: {
        unitId: string;
        period: string;
        numerator: number;
        denominator: number;
        reason: string;
        version: number;
      },
    ) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const kpi = requireKpi(campaign, kpiIndex);
      const unit = (await reportsService.judgedUnits(actor, campaign)).find((u) => u.id === input.unitId);
      if (!unit) throw notFound('考核单位');
      if (!kpiPolicy.canEnterFigure(actor, unit))
        throw forbidden('只有本单位的联络员、专项办或上级专项办可以填报考核指标');
      if (kpi.measure !== 'manual') throw invalidField('kpiIndex', `“${kpi.name}”由系统按记录计算，不能手工填报`);
      if (!periodsOf(campaign, kpi).some((p) => p.label === input.period))
        throw invalidField('period', `考核期间（period）“${input.period}”不在本指标的考核期间内`);
      if (input.numerator > input.denominator)
        throw invalidField('numerator', '达标数（numerator）不能大于总数（denominator）');
      const at = now();
      const key = { campaignId: campaign.id, kpiIndex, unitId: unit.id, periodLabel: input.period };
      const saved = await db.transaction(async (tx) => {
        const before = await repo.find(tx, key);
        if ((before?.version ?? 0) !== input.version) throw conflict('该数字已被他人填报或修改，请刷新后查看');
        const change = {
          kpiName: kpi.name,
          numerator: input.numerator,
          denominator: input.denominator,
          reason: input.reason,
          enteredBy: actor.userId,
          enteredByName: actor.displayName,
          enteredAt: at,
        };
        const row = before
          ? await repo.update(tx, before.id, before.version, change)
          : await repo.insert(tx, { ...key, ...change });
        if (!row) throw conflict('该数字已被他人填报或修改，请刷新后查看');
        await auditService.record(tx, actor, {
          action: 'kpi_figure.save',
          recordId: row.id,
          unitId: unit.id,
          before: before ?? null,
          after: row,
        });
        return row;
      });
      return {
        id: saved.id,
        kpiIndex,
        unitId: saved.unitId,
        period: saved.periodLabel,
        numerator: saved.numerator,
        denominator: saved.denominator,
        reason: saved.reason,
        version: saved.version,
        enteredByName: saved.enteredByName,
        enteredAt: saved.enteredAt.toISOString(),
      };
    },

    /**
     * KPI attainment for the scorecards (kpi-attainment.ts): for each unit (its subtree), every
     * measured KPI of the plan in each of its periods that overlap [from, to], with met or not.
     */
    async attainment(campaignId: string, units: { id: string; path: string }[], from: string, to: string) {
      const campaign = await campaignsService.requireVisible(systemActor, campaignId);
      const judged = new Map<
        string,
        { kpi: PlanKpi; period: KpiPeriodRange; actual: number | null; met: boolean | null }[]
      >(units.map((u) => [u.id, []]));
      for (const kpi of planKpis(campaign).filter((k) => k.measure !== 'none'))
        for (const period of periodsOf(campaign, kpi).filter((p) => p.from <= to && p.to >= from)) {
          const facts = await factsOf(campaign, kpi, period);
          for (const u of units) {
            const m = measureFacts(facts, [u.path], kpi);
            judged.get(u.id)!.push({ kpi, period, actual: m.actual, met: m.met });
          }
        }
      const names = new Map(
        (
          await deps.unitsRepository.findByIds(
            db,
            units.map((u) => u.id),
          )
        ).map((u) => [u.id, u.name]),
      );
      return { campaign, judged, names };
    },
  };
}

export type KpisService = ReturnType<typeof createKpisService>;
