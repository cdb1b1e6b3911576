/**
 * What one record adds to the statistics (pure). A record's contributions are keyed by its own
 * unit and campaign; `expand` then repeats them for every ancestor unit and campaign. A change is
 * applied as (new contributions) − (old contributions), merged by key, so only deltas are written.
 */
export const METRICS = [
  'casesFiled',
  'casesClosed',
  'amountInvolvedFen',
  'fineFen',
  'confiscatedFen',
  'lossesRecoveredFen',
  'transferredToJudiciary',
  'onlineCases',
  'ruralCases',
  'outings',
  'staffDeployed',
  'vehicles',
  'entitiesInspected',
] as const;
export type Metric = (typeof METRICS)[number];
export type Metrics = Record<Metric, number>;

export interface Contribution {
  campaignId: string;
  unitId: string;
  categoryCode: string;
  day: string;
  metrics: Partial<Metrics>;
}

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

/** 立案 and the money and flags on the filing day; 结案 on the closing day; in each campaign it counts toward. */
export function caseContributions(c: CaseFacts): Contribution[] {
  const campaigns = [{ campaignId: c.campaignId, categoryCode: c.categoryCode }, ...(c.links ?? [])];
  return campaigns.flatMap(({ campaignId, categoryCode }) => {
    const filed: Contribution = {
      campaignId,
      unitId: c.unitId,
      categoryCode,
      day: c.filingDate,
      metrics: {
        casesFiled: 1,
        amountInvolvedFen: c.amountInvolvedFen,
        fineFen: c.fineFen,
        confiscatedFen: c.confiscatedFen,
        lossesRecoveredFen: c.lossesRecoveredFen,
        transferredToJudiciary: c.transferredToJudiciary ? 1 : 0,
        onlineCases: c.online ? 1 : 0,
        ruralCases: c.rural ? 1 : 0,
      },
    };
    return c.closingDate ? [filed, { campaignId, unitId: c.unitId, categoryCode, day: c.closingDate, metrics: { casesClosed: 1 } }] : [filed];
  });
}

export function inspectionContributions(i: InspectionFacts): Contribution[] {
  return [{ campaignId: i.campaignId, unitId: i.unitId, categoryCode: i.categoryCode, day: i.inspectionDate, metrics: { outings: 1, staffDeployed: i.staffDeployed, vehicles: i.vehicles, entitiesInspected: i.entitiesInspected } }];
}

/** Ids along a materialised path "/a/b/c/" → ["a", "b", "c"] (the record's own id last). */
export const pathIds = (path: string) => path.split('/').filter(Boolean);

/**
 * Repeats each contribution for every unit above the record's unit and every campaign above its
 * campaign (given their paths), signed (+1 new, −1 old), merged by key; zero deltas dropped.
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
          for (const [m, v] of Object.entries(c.metrics) as [Metric, number][]) row.metrics[m] = (row.metrics[m] ?? 0) + sign * v;
          merged.set(key, row);
        }
      }
    }
  }
  return [...merged.values()].filter((r) => Object.values(r.metrics).some((v) => v !== 0));
}
