import { caseCampaigns, cases } from '../cases/cases.schema';
import { inspections } from '../inspections/inspections.schema';
import { leads } from '../leads/leads.schema';
import { rollupDaily } from './rollups.schema';

/**
 * The one table of the figures (统计指标). Two levels:
 * - METRIC_RULES: what the roll-up stores per (campaign, unit, category, day) — its column, whether
 *   it is money (fen), and the rule by which one record adds to it, written once for the records
 *   as facts (the live roll-up) and once as SQL over the same record (recount, naive query,
 *   drill-down), side by side so they cannot drift apart unseen;
 * - FIGURES: what the tables and the API show — a sum of stored metrics with its label, unit,
 *   money or count, and whether the drill-down (穿透) lists its records.
 * Every list, map and SQL select of the figures elsewhere in the module derives from these two.
 */

export interface CaseFacts {
  unitId: string;
  campaignId: string;
  categoryCode: string;
  filingDate: string;
  closingDate: string | null;
  amountInvolvedFen: number;
  fineFen: number;
  confiscatedFen: number;
  lossesRecoveredFen: number;
  transferredToJudiciary: boolean;
  online: boolean;
  rural: boolean;
  /** The day its decision clock (办案期限) ends while it runs; null once decided or while paused. */
  decisionDueDate: string | null;
  /** Further campaigns it counts toward, each in a category of that campaign. */
  links?: { campaignId: string; categoryCode: string }[];
}

export interface InspectionFacts {
  unitId: string;
  campaignId: string;
  categoryCode: string;
  inspectionDate: string;
  staffDeployed: number;
  vehicles: number;
  entitiesInspected: number;
}

export interface LeadFacts {
  unitId: string;
  campaignId: string;
  categoryCode: string;
  /** The day its verification clock (核查期限) ends while it is verified; null otherwise. */
  dueDate: string | null;
}

/**
 * The record events a metric is counted on, and the SQL that finds them: the record's table and
 * alias, the date that places it in a day, and any condition. A case also counts in each campaign
 * it is linked to (case_campaigns, alias l), in that campaign's category.
 */
const c = (column: { name: string }) => `c.${column.name}`;
const i = (column: { name: string }) => `i.${column.name}`;
const d = (column: { name: string }) => `d.${column.name}`;
export const EVENTS = {
  /** 立案: a case on its filing day. */
  caseFiled: { record: 'case', day: c(cases.filingDate), where: null },
  /** 结案: a case on its closing day, once closed. */
  caseClosed: { record: 'case', day: c(cases.closingDate), where: `${c(cases.closingDate)} is not null` },
  /** 检查: an inspection on its day. */
  inspection: { record: 'inspection', day: i(inspections.inspectionDate), where: null },
  /**
   * 办案期限: a case on the day its decision clock ends, while the clock runs. Summed over the days
   * before today it is the cases overdue (超期), over the next days those due soon (临期): the
   * dashboards' clocks read the roll-up, as the ledger's own filters read decisionDueDate.
   */
  caseDecisionDue: {
    record: 'case',
    day: c(cases.decisionDueDate),
    where: `${c(cases.decisionDueDate)} is not null`,
  },
  /** 核查期限: a lead on the day its verification clock ends, while it is verified. */
  leadDue: { record: 'lead', day: d(leads.dueDate), where: `${d(leads.dueDate)} is not null` },
} as const;
export type EventKind = keyof typeof EVENTS;

/** The record tables as the SQL of the rules names them (aliases c, l, i, d). */
export const RECORD_SQL = {
  case: { table: `cases c`, campaign: c(cases.campaignId), category: c(cases.categoryCode), unit: c(cases.unitId) },
  caseLink: {
    table: `cases c join case_campaigns l on l.${caseCampaigns.caseId.name} = c.id`,
    campaign: `l.${caseCampaigns.campaignId.name}`,
    category: `l.${caseCampaigns.categoryCode.name}`,
    unit: c(cases.unitId),
  },
  inspection: {
    table: `inspections i`,
    campaign: i(inspections.campaignId),
    category: i(inspections.categoryCode),
    unit: i(inspections.unitId),
  },
  lead: { table: `leads d`, campaign: d(leads.campaignId), category: d(leads.categoryCode), unit: d(leads.unitId) },
} as const;

type Rule<F> = { fact: (f: F) => bigint; sql: string };
type MetricRule = { money: boolean } & (
  | ({ event: 'caseFiled' | 'caseClosed' | 'caseDecisionDue' } & Rule<CaseFacts>)
  | ({ event: 'inspection' } & Rule<InspectionFacts>)
  | ({ event: 'leadDue' } & Rule<LeadFacts>)
);

const count = <E extends MetricRule['event']>(event: E) => ({ money: false as const, event, fact: () => 1n, sql: '1' });
const flag = (key: 'transferredToJudiciary' | 'online' | 'rural') => ({
  money: false as const,
  event: 'caseFiled' as const,
  fact: (f: CaseFacts) => (f[key] ? 1n : 0n),
  sql: `${c(cases[key])}::int`,
});
const fen = (key: 'amountInvolvedFen' | 'fineFen' | 'confiscatedFen' | 'lossesRecoveredFen') => ({
  money: true as const,
  event: 'caseFiled' as const,
  fact: (f: CaseFacts) => BigInt(f[key]),
  sql: c(cases[key]),
});
const people = (key: 'staffDeployed' | 'vehicles' | 'entitiesInspected') => ({
  money: false as const,
  event: 'inspection' as const,
  fact: (f: InspectionFacts) => BigInt(f[key]),
  sql: i(inspections[key]),
});

/** The stored metrics (rollup_daily's columns, in its order) and what one record adds to each. */
export const METRIC_RULES = {
  /** 立案 */
  casesFiled: count('caseFiled'),
  /** 结案 */
  casesClosed: count('caseClosed'),
  amountInvolvedFen: fen('amountInvolvedFen'),
  fineFen: fen('fineFen'),
  confiscatedFen: fen('confiscatedFen'),
  lossesRecoveredFen: fen('lossesRecoveredFen'),
  transferredToJudiciary: flag('transferredToJudiciary'),
  onlineCases: flag('online'),
  ruralCases: flag('rural'),
  /** 出动（次）: one per inspection. */
  outings: count('inspection'),
  staffDeployed: people('staffDeployed'),
  vehicles: people('vehicles'),
  entitiesInspected: people('entitiesInspected'),
  /** Running decision clocks, on the day each ends. */
  decisionClocksDue: count('caseDecisionDue'),
  /** Running verification clocks of leads, on the day each ends. */
  verificationClocksDue: count('leadDue'),
} satisfies Record<string, MetricRule>;
export type Metric = keyof typeof METRIC_RULES;
export const METRICS = Object.keys(METRIC_RULES) as Metric[];
/** The metric's column in rollup_daily (checked against the table definition). */
export const COLUMN = Object.fromEntries(METRICS.map((m) => [m, rollupDaily[m].name])) as Record<Metric, string>;
/** The money metrics (fen). */
export const FEN_METRICS = new Set<Metric>(METRICS.filter((m) => METRIC_RULES[m].money));
export const rule = (m: Metric): MetricRule => METRIC_RULES[m];

/**
 * Figures as BigInt: a sum of fen passes 2^53 (≈ 90 trillion 元) long before the bigint columns
 * do, and a double would silently round it; counts share the type so every sum is one kind.
 */
export type Metrics = Record<Metric, bigint>;
export const zeroMetrics = (): Metrics => Object.fromEntries(METRICS.map((m) => [m, 0n])) as Metrics;

interface FigureDef {
  /** The label of annex 2 (seed 004) or of the first table that prints it; a template may rename it. */
  label: string;
  /** The unit in the API (money in 元; the printed tables show 万元). */
  unit: string;
  /** The stored metrics it sums (all counted on the same event). */
  of: readonly Metric[];
  /** Whether the drill-down (穿透) lists the records behind it. */
  drillable: boolean;
}

/** The figures the records give, as the tables and the API name them (in the templates' order). */
export const FIGURE_DEFS = {
  staffDeployed: { label: '出动', unit: '人次', of: ['staffDeployed'], drillable: true },
  vehicles: { label: '出动车辆', unit: '台次', of: ['vehicles'], drillable: false },
  outings: { label: '出动次数', unit: '次', of: ['outings'], drillable: false },
  entitiesInspected: { label: '检查企业', unit: '家次', of: ['entitiesInspected'], drillable: true },
  casesFiled: { label: '立案', unit: '件', of: ['casesFiled'], drillable: true },
  casesClosed: { label: '结案', unit: '件', of: ['casesClosed'], drillable: true },
  amountInvolved: { label: '涉案金额', unit: '元', of: ['amountInvolvedFen'], drillable: true },
  fines: { label: '罚款', unit: '元', of: ['fineFen'], drillable: false },
  confiscated: { label: '没收违法所得', unit: '元', of: ['confiscatedFen'], drillable: false },
  finesAndConfiscations: { label: '罚没款金额', unit: '元', of: ['fineFen', 'confiscatedFen'], drillable: true },
  lossesRecovered: { label: '挽回损失', unit: '元', of: ['lossesRecoveredFen'], drillable: true },
  transferredToJudiciary: { label: '移送司法案件', unit: '件', of: ['transferredToJudiciary'], drillable: true },
  onlineCases: { label: '互联网案件', unit: '件', of: ['onlineCases'], drillable: true },
  ruralCases: { label: '农村市场案件', unit: '件', of: ['ruralCases'], drillable: true },
  // The clocks (看板「办理期限」): their records are the ledgers' own 超期 / 临期 filters, not the drill-down.
  decisionClocksDue: { label: '办案期限届满', unit: '件', of: ['decisionClocksDue'], drillable: false },
  verificationClocksDue: { label: '线索核查期限届满', unit: '条', of: ['verificationClocksDue'], drillable: false },
} as const satisfies Record<string, FigureDef>;
export type DerivedFigure = keyof typeof FIGURE_DEFS;
export const DERIVED_FIGURES = Object.keys(FIGURE_DEFS) as [DerivedFigure, ...DerivedFigure[]];
export const figureDef = (f: DerivedFigure): FigureDef => FIGURE_DEFS[f];
/** A figure is money when what it sums is (fen stored, 元 in the API). */
export const isMoneyFigure = (f: DerivedFigure) => figureDef(f).of.every((m) => FEN_METRICS.has(m));
export const MONEY_FIGURES = new Set<DerivedFigure>(DERIVED_FIGURES.filter(isMoneyFigure));
/** The figure from the stored metrics (fen for money; BigInt, exact past 2^53). */
export const figureValue = (f: DerivedFigure, m: Metrics): bigint => figureDef(f).of.reduce((sum, k) => sum + m[k], 0n);
/** The event a figure's records are counted on (one per figure; checked in the tests). */
export const figureEvent = (f: DerivedFigure): EventKind => rule(figureDef(f).of[0]).event;
/** What one record adds to a figure, as SQL over the record (aliases c or i). */
export const figureSql = (f: DerivedFigure) =>
  figureDef(f)
    .of.map((m) => rule(m).sql)
    .join(' + ');

/** Whether a figure is money, as a type: 元 text in the API, a number otherwise. */
type IsMoney<F extends DerivedFigure> =
  (typeof METRIC_RULES)[(typeof FIGURE_DEFS)[F]['of'][number]]['money'] extends true ? true : false;
export type FigureValue<F extends DerivedFigure> = IsMoney<F> extends true ? string : number;

/** The figures of annex 2 (seed 004, 案件统计表): the default table, the reports' and briefings' figures. */
export const ANNEX2_FIGURES = [
  'staffDeployed',
  'entitiesInspected',
  'casesFiled',
  'casesClosed',
  'amountInvolved',
  'finesAndConfiscations',
  'lossesRecovered',
  'transferredToJudiciary',
  'onlineCases',
  'ruralCases',
] as const satisfies readonly DerivedFigure[];
export type Annex2Figure = (typeof ANNEX2_FIGURES)[number];
/** An annex-2 row's values as the API answers them: counts as numbers, money in 元 as exact text. */
export type Annex2Values = { [F in Annex2Figure]: FigureValue<F> };
/** The unit a figure is printed in: money in 万元, counts in their own unit. */
export const printedUnit = (f: DerivedFigure) => (MONEY_FIGURES.has(f) ? '万元' : figureDef(f).unit);
