import type { AuditService } from '../audit/audit.service';
import { AREA_TABLE_HEADER, areaTableCells } from './documents/area-sheet';
import { createSupervisionAccess, type SupervisionDeps } from './supervision-access';
import { createSupervisionGroups } from './supervision-groups.service';
import { createSupervisionRounds } from './supervision-rounds.service';
import { createSupervisionVisits } from './supervision-visits.service';

/**
 * 督查 (issue 17): groups and their 片区, rounds, 随机专项督查 draws and visits, built from one
 * access helper (a plan, group or round as the actor may see it). Findings and 整改, 督办, 评查 and
 * 通报 are other modules that read these tables.
 */
export function createSupervisionService(deps: SupervisionDeps & { auditService: AuditService; today?: () => string }) {
  const access = createSupervisionAccess(deps);
  const groups = createSupervisionGroups(deps, access);
  return {
    access,
    groups,
    rounds: createSupervisionRounds(deps, access),
    visits: createSupervisionVisits(deps, access),
    /** The 分片督查表 as the plan's annex (campaigns' `SupervisionAreaSource`), null while the plan has no groups. */
    async areaAnnex(campaignId: string, campaignName: string) {
      const rows = await groups.areaTable(campaignId);
      if (!rows.length) return null;
      return {
        title: `${campaignName}分片督查表`,
        header: [...AREA_TABLE_HEADER],
        rows: rows.map(areaTableCells),
        widths: [3, 6, 4, 5, 7, 10],
      };
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
