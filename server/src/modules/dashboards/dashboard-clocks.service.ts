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
  rollupsService: Pick<RollupsService, 'figureScope' | 'figurePeriods'>;
  casesService: Pick<CasesService, 'clockWindow' | 'latest'>;
  leadsService: Pick<LeadsService, 'clockWindow' | 'latest'>;
}) {
  const { rollupsService: rollups, casesService, leadsService } = deps;

  return {
    async clocks(actor: Actor, q: { campaignId: string; unitId?: string }) {
      if (!dashboardsPolicy.canView(actor)) throw forbidden('无权查看数据看板');
      const { campaign, unit } = await rollups.figureScope(actor, q.campaignId, { unitId: q.unitId });
      const scope = { campaignId: campaign.id, unitId: unit.id };
      // The windows are read once (the leads' from the working-day calendar) and given to the lists.
      const caseWindow = casesService.clockWindow();
      const leadWindow = await leadsService.clockWindow();
      const [sums, cases, leads] = await Promise.all([
        rollups.figurePeriods(
          {
            ...scope,
            periods: {
              overdueCases: { from: EARLIEST_DAY, to: shiftDate(caseWindow.today, -1) },
              dueSoonCases: { from: caseWindow.today, to: caseWindow.dueSoonLast },
              overdueLeads: { from: EARLIEST_DAY, to: shiftDate(leadWindow.today, -1) },
              dueSoonLeads: { from: leadWindow.today, to: leadWindow.dueSoonLast },
            },
          },
          ['decisionClocksDue', 'verificationClocksDue'],
        ),
        Promise.all([
          casesService.latest(actor, { ...scope, overdue: true }, FIRST),
          casesService.latest(actor, { ...scope, dueSoon: true }, FIRST),
        ]),
        Promise.all([
          leadsService.latest(actor, { ...scope, due: 'overdue' }, FIRST, leadWindow),
          leadsService.latest(actor, { ...scope, due: 'due_soon' }, FIRST, leadWindow),
        ]),
      ]);
      const counts = {
        overdueCases: Number(sums.overdueCases.decisionClocksDue),
        dueSoonCases: Number(sums.dueSoonCases.decisionClocksDue),
        overdueLeads: Number(sums.overdueLeads.verificationClocksDue),
        dueSoonLeads: Number(sums.dueSoonLeads.verificationClocksDue),
      };
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
        counts,
        first,
      };
    },
  };
}

export type DashboardClocksService = ReturnType<typeof createDashboardClocksService>;
