import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { fenToYuan } from '../../platform/money';
import { todayInChina } from '../../platform/today';
import type { CasesService } from '../cases/cases.service';
import type { LeadsService } from '../leads/leads.service';
import { MONEY_FIGURES, type DerivedFigure } from '../rollups/metrics';
import type { RollupsService } from '../rollups/rollups.service';
import { commandScreenPolicy } from './command-screen.policy';
import { maskName } from '../../platform/masking';

/** The headline figures of the 大屏 (立案, 结案, 罚没款, 涉案金额, 移送司法, 出动人次, 出动次数). */
export const HEADLINE_FIGURES = [
  'casesFiled',
  'casesClosed',
  'finesAndConfiscations',
  'amountInvolved',
  'transferredToJudiciary',
  'staffDeployed',
  'outings',
] as const satisfies readonly DerivedFigure[];
/** What the trend and the ranking of the units draw. */
export const CHART_FIGURES = [
  'casesFiled',
  'casesClosed',
  'finesAndConfiscations',
] as const satisfies readonly DerivedFigure[];
type Headline = (typeof HEADLINE_FIGURES)[number];
type Charted = (typeof CHART_FIGURES)[number];

/** The ticker's length: the newest cases and the newest leads. */
export const TICKER_SIZE = 12;

/** Counts as numbers, money as 元 text (exact past 2^53 fen). */
const shown = <F extends DerivedFigure>(figures: readonly F[], v: Record<DerivedFigure, bigint> | undefined) =>
  Object.fromEntries(
    figures.map((f) => [f, MONEY_FIGURES.has(f) ? fenToYuan(v?.[f] ?? 0n) : Number(v?.[f] ?? 0n)]),
  ) as Record<F, number | string>;

/** The Monday of a date's ISO week (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * 大屏 (command-centre screen): in one answer what the wall display shows of a campaign in a unit's
 * subtree — the headline totals, today's and this week's new cases, the monthly trend, the units
 * directly below for a ranking, and the newest cases and leads. Every figure comes from the roll-up
 * (never a scan of the records), the ticker from the cases' and leads' lists along their indexes.
 */
export function createCommandScreenService(deps: {
  rollupsService: RollupsService;
  casesService: Pick<CasesService, 'latest'>;
  leadsService: Pick<LeadsService, 'latest'>;
  today?: () => string;
}) {
  const { rollupsService: rollups, casesService, leadsService } = deps;
  const today = deps.today ?? (() => todayInChina());

  return {
    async screen(actor: Actor, q: { campaignId: string; unitId?: string }) {
      if (!commandScreenPolicy.canView(actor)) throw forbidden();
      const { campaign, unit, from, to } = await rollups.figureScope(actor, q.campaignId, { unitId: q.unitId });
      const campaignId = campaign.id;
      const now = today();
      const children = await rollups.childUnits(unit.id);
      const inUnit = { campaignId, unitIds: [unit.id] };
      /** New cases (立案) from a day to today, within the campaign. */
      const since = (first: string) => {
        const start = first < campaign.startDate ? campaign.startDate : first;
        return start > now
          ? Promise.resolve([])
          : rollups.figureGroups({ ...inUnit, from: start, to: now, by: [] }, ['casesFiled']);
      };
      const [rows, months, byUnit, todays, weeks, cases, leads] = await Promise.all([
        rollups.figureRows({ campaignId, unitId: unit.id, from, to }, HEADLINE_FIGURES),
        rollups.figureGroups({ ...inUnit, from, to, by: ['month'] }, CHART_FIGURES),
        rollups.figureGroups({ campaignId, unitIds: children.map((c) => c.id), from, to, by: ['unit'] }, CHART_FIGURES),
        since(now),
        since(mondayOf(now)),
        casesService.latest(actor, { campaignId, unitId: unit.id }, TICKER_SIZE),
        leadsService.latest(actor, { campaignId, unitId: unit.id }, TICKER_SIZE),
      ]);
      const total = rows[rows.length - 1].values;
      const unitValues = new Map(byUnit.map((r) => [r.key.unit, r.values]));
      return {
        campaignId,
        campaignName: campaign.name,
        unitId: unit.id,
        unitName: unit.name,
        from,
        to,
        today: now,
        totals: shown<Headline>(HEADLINE_FIGURES, total),
        newCases: {
          today: Number(todays[0]?.values.casesFiled ?? 0n),
          thisWeek: Number(weeks[0]?.values.casesFiled ?? 0n),
        },
        trend: months
          .map((m) => ({ month: (m.key.month ?? '').slice(0, 7), values: shown<Charted>(CHART_FIGURES, m.values) }))
          .sort((a, b) => a.month.localeCompare(b.month)),
        units: children.map((c) => ({
          unitId: c.id,
          unitName: c.name,
          values: shown<Charted>(CHART_FIGURES, unitValues.get(c.id)),
        })),
        latestCases: cases.map((c) => ({
          id: c.id,
          caseNumber: c.caseNumber,
          // A person's name is personal data: the screen hangs on a wall, so it shows 张** (a company's name in full).
          partyName: c.partyKind === 'person' ? (maskName(c.partyName) ?? '') : c.partyName,
          unitName: c.unitName,
          categoryLabel: c.categoryLabel,
          filingDate: c.filingDate,
        })),
        latestLeads: leads.map((l) => ({
          id: l.id,
          receivedDate: l.receivedDate,
          source: l.source,
          sourceNumber: l.sourceNumber,
          unitName: l.unitName,
          important: l.important,
        })),
      };
    },
  };
}

export type CommandScreenService = ReturnType<typeof createCommandScreenService>;
