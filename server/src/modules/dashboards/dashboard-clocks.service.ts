import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { shiftDate } from '../calendar/working-days';
import type { CasesService } from '../cases/cases.service';
import type { LeadsService } from '../leads/leads.service';
import type { RollupsService } from '../rollups/rollups.service';
import { dashboardsPolicy } from './dashboards.policy';

/** Before any record's clock: the overdue are those due from here to yesterday. */
const EARLIEST_DAY = '1900-01-01';
/** How many of the first records each tile lists. */
const FIRST = 5;

/**
 * 办理期限 on the dashboard: how many cases' decision clocks and leads' verification clocks are
 * overdue (超期) or end soon (临期) in a campaign and a unit's subtree, and the first of them. The
 * counts are sums over the roll-up (decisionClocksDue, verificationClocksDue by the day each clock
 * ends), never a count of the records; each equals the total of the ledger's own filter, which the
 * tile opens (cases ?overdue / ?dueSoon, leads ?due=overdue / due_soon).
 */
export function createDashboardClocksService(deps: {
  rollupsService: Pick<RollupsService, 'figureScope' | 'figureGroups'>;
  casesService: Pick<CasesService, 'clockWindow' | 'latest'>;
  leadsService: Pick<LeadsService, 'clockWindow' | 'latest'>;
}) {
  const { rollupsService: rollups, casesService, leadsService } = deps;

  return {
    async clocks(actor: Actor, q: { campaignId: string; unitId?: string }) {
      if (!dashboardsPolicy.canView(actor)) throw forbidden('无权查看数据看板');
      const { campaign, unit } = await rollups.figureScope(actor, q.campaignId, { unitId: q.unitId });
      const scope = { campaignId: campaign.id, unitId: unit.id };
      const caseWindow = casesService.clockWindow();
      const leadWindow = await leadsService.clockWindow();
      const sum = async (figure: 'decisionClocksDue' | 'verificationClocksDue', from: string, to: string) => {
        const [row] = await rollups.figureGroups({ campaignId: campaign.id, unitIds: [unit.id], from, to, by: [] }, [
          figure,
        ]);
        return Number(row?.values[figure] ?? 0n);
      };
      const [overdueCases, dueSoonCases, overdueLeads, dueSoonLeads, cases, leads] = await Promise.all([
        sum('decisionClocksDue', EARLIEST_DAY, shiftDate(caseWindow.today, -1)),
        sum('decisionClocksDue', caseWindow.today, caseWindow.dueSoonLast),
        sum('verificationClocksDue', EARLIEST_DAY, shiftDate(leadWindow.today, -1)),
        sum('verificationClocksDue', leadWindow.today, leadWindow.dueSoonLast),
        Promise.all([
          casesService.latest(actor, { ...scope, overdue: true }, FIRST),
          casesService.latest(actor, { ...scope, dueSoon: true }, FIRST),
        ]),
        Promise.all([
          leadsService.latest(actor, { ...scope, due: 'overdue' }, FIRST),
          leadsService.latest(actor, { ...scope, due: 'due_soon' }, FIRST),
        ]),
      ]);
      const first = [
        ...cases.flat().map((c) => ({
          kind: 'case' as const,
          id: c.id,
          title: c.name,
          unitName: c.unitName ?? '',
          dueDate: c.decisionDueDate!,
          overdue: c.decisionDueDate! < caseWindow.today,
        })),
        ...leads.flat().map((l) => ({
          kind: 'lead' as const,
          id: l.id,
          title: l.partyName,
          unitName: l.unitName,
          dueDate: l.dueDate!,
          overdue: l.dueDate! < leadWindow.today,
        })),
      ]
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
        .slice(0, FIRST);
      return {
        campaignId: campaign.id,
        unitId: unit.id,
        unitName: unit.name,
        today: caseWindow.today,
        counts: { overdueCases, dueSoonCases, overdueLeads, dueSoonLeads },
        first,
      };
    },
  };
}

export type DashboardClocksService = ReturnType<typeof createDashboardClocksService>;
