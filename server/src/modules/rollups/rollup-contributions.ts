/**
 * What one record adds to the statistics (pure). A record's contributions are keyed by its own
 * unit and campaign; `expand` then repeats them for every ancestor unit and campaign. A change is
 * applied as (new contributions) − (old contributions), merged by key, so only deltas are written.
 * Which metric a record adds to, and how much, is the metrics table's rule (metrics.ts).
 */
import {
  METRICS,
  rule,
  type CaseFacts,
  type EventKind,
  type InspectionFacts,
  type LeadFacts,
  type Metric,
  type Metrics,
} from './metrics';

export {
  METRICS,
  FEN_METRICS,
  zeroMetrics,
  type CaseFacts,
  type InspectionFacts,
  type LeadFacts,
  type Metric,
  type Metrics,
} from './metrics';

export interface Contribution {
  campaignId: string;
  unitId: string;
  categoryCode: string;
  day: string;
  metrics: Partial<Metrics>;
}

/** What the record adds on one event: every metric counted on that event, by its rule (metrics.ts). */
type Facts = CaseFacts | InspectionFacts | LeadFacts;
function metricsOn(event: 'caseFiled' | 'caseClosed' | 'caseDecisionDue', facts: CaseFacts): Partial<Metrics>;
function metricsOn(event: 'inspection', facts: InspectionFacts): Partial<Metrics>;
function metricsOn(event: 'leadDue', facts: LeadFacts): Partial<Metrics>;
function metricsOn(event: EventKind, facts: Facts): Partial<Metrics> {
  const out: Partial<Metrics> = {};
  for (const m of METRICS) {
    const r = rule(m);
    if (r.event === event) out[m] = (r.fact as (f: Facts) => bigint)(facts);
  }
  return out;
}

/**
 * 立案 and the money and flags on the filing day; 结案 on the closing day; a running decision
 * clock on the day it ends; in each campaign it counts toward.
 */
export function caseContributions(c: CaseFacts): Contribution[] {
  const campaigns = [{ campaignId: c.campaignId, categoryCode: c.categoryCode }, ...(c.links ?? [])];
  return campaigns.flatMap(({ campaignId, categoryCode }) => {
    const on = (day: string, event: 'caseFiled' | 'caseClosed' | 'caseDecisionDue'): Contribution => ({
      campaignId,
      unitId: c.unitId,
      categoryCode,
      day,
      metrics: metricsOn(event, c),
    });
    return [
      on(c.filingDate, 'caseFiled'),
      ...(c.closingDate ? [on(c.closingDate, 'caseClosed')] : []),
      ...(c.decisionDueDate ? [on(c.decisionDueDate, 'caseDecisionDue')] : []),
    ];
  });
}

/** A lead being verified, on the day its clock ends (nothing once decided or while paused). */
export function leadContributions(l: LeadFacts): Contribution[] {
  if (!l.dueDate) return [];
  return [
    {
      campaignId: l.campaignId,
      unitId: l.unitId,
      categoryCode: l.categoryCode,
      day: l.dueDate,
      metrics: metricsOn('leadDue', l),
    },
  ];
}

/** 出动, 人次, 车辆, 家次 on the inspection's day. */
export function inspectionContributions(i: InspectionFacts): Contribution[] {
  return [
    {
      campaignId: i.campaignId,
      unitId: i.unitId,
      categoryCode: i.categoryCode,
      day: i.inspectionDate,
      metrics: metricsOn('inspection', i),
    },
  ];
}

/** Ids along a materialised path "/a/b/c/" → ["a", "b", "c"] (the record's own id last). */
export const pathIds = (path: string) => path.split('/').filter(Boolean);

/**
 * Repeats each contribution for every unit above the record's unit and every campaign above its
 * campaign (given their paths), signed (+1 new, −1 old), merged by key (in BigInt: an import
 * merges many records into one row); zero deltas dropped.
 */
export function mergeDeltas(
  signed: { sign: 1 | -1; contributions: Contribution[] }[],
  unitPath: (unitId: string) => string,
  campaignPath: (campaignId: string) => string,
): Contribution[] {
  const merged = new Map<string, Contribution>();
  for (const { sign, contributions } of signed) {
    for (const c of contributions) {
      for (const unitId of pathIds(unitPath(c.unitId))) {
        for (const campaignId of pathIds(campaignPath(c.campaignId))) {
          const key = `${campaignId}|${unitId}|${c.day}|${c.categoryCode}`;
          const row = merged.get(key) ?? { campaignId, unitId, categoryCode: c.categoryCode, day: c.day, metrics: {} };
          for (const [m, v] of Object.entries(c.metrics) as [Metric, bigint][])
            row.metrics[m] = (row.metrics[m] ?? 0n) + (sign === 1 ? v : -v);
          merged.set(key, row);
        }
      }
    }
  }
  return [...merged.values()].filter((r) => Object.values(r.metrics).some((v) => v !== 0n));
}
