import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { checkRows, importRows, notStored } from '../../platform/tabular/import-rows';
import { readTable } from '../../platform/tabular/read-table';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { ImportFile } from '../../platform/tabular/import-types';
import type { ImportProgress } from '../imports/import-progress';
import { leadImportSpec } from './lead-import';
import { verificationClock } from './lead-clock';
import { leadPolicy } from './leads.policy';
import type { LeadsRepository } from './leads.repository';
import { todayInChina } from '../../platform/today';
import { refreshStatisticsAfterBulkLoad } from '../../platform/db/planner-statistics';
import { leads } from './leads.schema';

/**
 * Brings a 12315 export (or any list of leads) into a campaign, all or nothing. The importer becomes
 * the handler (the one who sees the complainants' data) of the leads of his own unit until they are
 * assigned; leads of other units have no handler until their unit's office or leader assigns one.
 */
export function createLeadImportService(deps: {
  db: Db;
  leadsRepository: LeadsRepository;
  campaignsService: CampaignsService;
  calendarService: CalendarService;
  auditService: AuditService;
  importProgress: ImportProgress;
  today?: () => string;
}) {
  const { db, leadsRepository: repo, campaignsService, calendarService, auditService, importProgress } = deps;
  const today = deps.today ?? (() => todayInChina());

  return {
    async importLeads(actor: Actor, campaignId: string, file: ImportFile, progressToken?: string): Promise<{ imported: number }> {
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!leadPolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入线索');
      const calendar = await calendarService.calendar();
      const progress = importProgress.track(progressToken);
      const day = today();
      const specOf = (insert: Parameters<typeof leadImportSpec>[0]['insert']) =>
        leadImportSpec({ targets, today: day, canRegisterFor: (unitPath) => leadPolicy.canCreate(actor, unitPath), numbersTaken: (t, keys) => repo.sourceNumbersTaken(t, keys), insert });
      try {
        // Checked outside the transaction first (reads in batches that let other requests run: on the
        // embedded database a transaction holds its one connection), then stored all or nothing in one.
        await checkRows(db, readTable(file.path, file.kind), specOf(notStored), progress.update);
        const imported = await db.transaction(async (tx) => {
          const spec = specOf((t, rows) =>
              repo.insertMany(
                t,
                rows.map((r) => ({
                  ...r,
                  campaignId: targets.campaign.id,
                  // The importer handles the leads of his own unit; another unit's wait for its office or leader to assign them.
                  handlerIds: leadPolicy.mayHandleOwnRegistration(actor, r.unitId) ? [actor.userId] : [],
                  createdBy: actor.userId,
                  dueDate: verificationClock(calendar, { receivedDate: r.receivedDate, extended: false, pauses: [], today: day }).dueDate,
                })),
              ),
          );
          const count = await importRows(tx, readTable(file.path, file.kind), spec);
          await auditService.record(tx, actor, { action: 'lead.import', recordId: targets.campaign.id, unitId: actor.unitId, after: { fileName: file.fileName, imported: count } });
          return count;
        });
        await refreshStatisticsAfterBulkLoad(db, [leads], imported);
        return { imported };
      } finally {
        progress.finish();
      }
    },
  };
}

export type LeadImportService = ReturnType<typeof createLeadImportService>;
