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
/** The money metrics (fen). */
export const FEN_METRICS = new Set<Metric>(['amountInvolvedFen', 'fineFen', 'confiscatedFen', 'lossesRecoveredFen']);
/**
 * Figures as BigInt: a sum of fen passes 2^53 (≈ 90 trillion 元) long before the bigint columns
 * do, and a double would silently round it; counts share the type so every sum is one kind.
 */
export type Metrics = Record<Metric, bigint>;
export const zeroMetrics = (): Metrics => Object.fromEntries(METRICS.map((m) => [m, 0n])) as Metrics;

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
        casesFiled: 1n,
        amountInvolvedFen: BigInt(c.amountInvolvedFen),
        fineFen: BigInt(c.fineFen),
        confiscatedFen: BigInt(c.confiscatedFen),
        lossesRecoveredFen: BigInt(c.lossesRecoveredFen),
        transferredToJudiciary: c.transferredToJudiciary ? 1n : 0n,
        onlineCases: c.online ? 1n : 0n,
        ruralCases: c.rural ? 1n : 0n,
      },
    };
    return c.closingDate ? [filed, { campaignId, unitId: c.unitId, categoryCode, day: c.closingDate, metrics: { casesClosed: 1n } }] : [filed];
  });
}

export function inspectionContributions(i: InspectionFacts): Contribution[] {
  return [{ campaignId: i.campaignId, unitId: i.unitId, categoryCode: i.categoryCode, day: i.inspectionDate, metrics: { outings: 1n, staffDeployed: BigInt(i.staffDeployed), vehicles: BigInt(i.vehicles), entitiesInspected: BigInt(i.entitiesInspected) } }];
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
          for (const [m, v] of Object.entries(c.metrics) as [Metric, bigint][]) row.metrics[m] = (row.metrics[m] ?? 0n) + (sign === 1 ? v : -v);
          merged.set(key, row);
        }
      }
    }
  }
  return [...merged.values()].filter((r) => Object.values(r.metrics).some((v) => v !== 0n));
}
