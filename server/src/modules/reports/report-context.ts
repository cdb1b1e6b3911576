import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathInScope } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import { reportDeadlines } from '../campaigns/report-deadlines';
import type { StatTablesService } from '../rollups/stat-tables.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import { type NotificationsService } from '../notifications/notifications.service';
import type { UnitRow } from '../units/units.schema';
import { idsOnPath, unitLabelBelow, unitsOwingPlan } from './owing-units';
import type { ReportsRepository } from './reports.repository';
import type { ReportChaseRow } from './reports.schema';

export interface ReportKey {
  scheduleId: string;
  periodEnd: string;
  unitId: string;
}
/** How many days ahead a liaison is reminded of a report coming due. */
export const REMINDER_DAYS = 3;
const byTree = (a: UnitRow, b: UnitRow) => a.depth - b.depth || a.code.localeCompare(b.code);

/** What the reports service is built from (services.ts passes it). */
export interface ReportsDeps {
  db: Db;
  reportsRepository: ReportsRepository;
  campaignsService: CampaignsService;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  statTablesService: Pick<StatTablesService, 'table'>;
  auditService: AuditService;
  /** Who is told of a chase or a return: the unit's liaisons (and who submitted), in the writer's transaction. */
  usersRepository: Pick<UsersRepository, 'activeWithRoles'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  now?: () => Date;
}

/**
 * The reports' shared view of a campaign (reports.service.ts and report-oversight.ts): who owes its
 * reports and under which name, the periods it has, the report a key names, the last chases.
 */
export function createReportContext(deps: ReportsDeps) {
  const { db, reportsRepository: repo, campaignsService, campaignsRepository, unitsRepository } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  /** A unit's ancestors (itself included), the owing rule's and the labels' view of the tree. */
  async function treeAround(units: UnitRow[]) {
    const known = new Map(units.map((u) => [u.id, u]));
    const missing = [...new Set(units.flatMap((u) => idsOnPath(u.path)))].filter((id) => !known.has(id));
    for (const u of await unitsRepository.findByIds(db, missing)) known.set(u.id, u);
    return {
      kindOf: new Map([...known.values()].map((u) => [u.id, u.kind])),
      nameOf: new Map([...known.values()].map((u) => [u.id, u.name])),
    };
  }

  /**
   * The units that owe the campaign's reports (owing-units.ts: the participants directly under its
   * issuer in the bureau hierarchy), each with the label the board names it by.
   */
  async function reportingUnits(campaign: Pick<CampaignRow, 'id' | 'unitId'>) {
    // Only the issuer's reporting line can owe it: read the participants among those, not all of them.
    const line = await unitsRepository.reportingLineBelow(db, campaign.unitId);
    const taking = new Set(
      await campaignsRepository.participantsAmong(
        db,
        campaign.id,
        line.map((u) => u.id),
      ),
    );
    const participants = line.filter((u) => taking.has(u.id));
    const { kindOf, nameOf } = await treeAround(participants);
    return unitsOwingPlan(campaign.unitId, participants, kindOf).map((u) => ({
      ...u,
      unitLabel: unitLabelBelow(campaign.unitId, u, nameOf),
    }));
  }

  /** The newest chase of each key (the rows come newest first), with the name of who chased. */
  async function lastChases(rows: ReportChaseRow[], keyOf: (c: ReportChaseRow) => string) {
    const names = await repo.userNames(
      db,
      rows.map((c) => c.chasedBy),
    );
    const last = new Map<string, { chasedAt: Date; chasedByName: string | null }>();
    for (const c of rows)
      if (!last.has(keyOf(c)))
        last.set(keyOf(c), { chasedAt: c.chasedAt, chasedByName: names.get(c.chasedBy) ?? null });
    return last;
  }

  /** The reporting units the actor sees, in tree order. */
  async function participantsInScope(actor: Actor, campaign: Pick<CampaignRow, 'id' | 'unitId'>) {
    return (await reportingUnits(campaign)).filter((u) => isPathInScope(actor, u.path)).sort(byTree);
  }

  async function requireReport(actor: Actor, campaignId: string, key: ReportKey) {
    const campaign = await campaignsService.requireVisible(actor, campaignId);
    const deadline = requireDeadline(campaign, key);
    await records.requireUnit(actor, key.unitId, '报送单位');
    const unit = (await reportingUnits(campaign)).find((u) => u.id === key.unitId);
    if (!unit) throw notFound('报送单位');
    return { campaign, deadline, unit, submission: await repo.find(db, { campaignId, ...key }) };
  }

  /** The period of a schedule the plan has (404 for one it does not: nothing is owed for it). */
  function requireDeadline(campaign: CampaignRow, key: { scheduleId: string; periodEnd: string }) {
    const deadline = reportDeadlines(campaign).find(
      (d) => d.scheduleId === key.scheduleId && d.periodEnd === key.periodEnd,
    );
    if (!deadline) throw notFound('报送期次');
    return deadline;
  }

  async function issuingPath(campaign: CampaignRow) {
    return (await unitsRepository.findById(db, campaign.unitId))!.path;
  }

  return {
    ...deps,
    repo,
    now,
    records,
    treeAround,
    reportingUnits,
    lastChases,
    participantsInScope,
    requireReport,
    requireDeadline,
    issuingPath,
  };
}

export type ReportContext = ReturnType<typeof createReportContext>;
