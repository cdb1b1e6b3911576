import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import type { ImportFile } from '../../platform/tabular/import-types';
import { runImport } from '../../platform/tabular/run-import';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { ImportProgress } from '../imports/import-progress';
import { leadImportSpec, type ImportedLead } from './lead-import';
import { verificationClock } from './lead-clock';
import { leadPolicy } from './leads.policy';
import type { LeadsRepository } from './leads.repository';
import { todayInChina } from '../../platform/today';
import { leads } from './leads.schema';
import { leadFacts } from './lead-facts';
import type { LeadFacts } from '../rollups/rollup-contributions';
import { rollupDaily, rollupMonthly } from '../rollups/rollups.schema';

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
  rollups: { bulkLeads(tx: Db): { add(facts: LeadFacts[]): Promise<void>; flush(): Promise<void> } };
  today?: () => string;
}) {
  const { db, leadsRepository: repo, campaignsService, calendarService, auditService, importProgress, rollups } = deps;
  const today = deps.today ?? (() => todayInChina());

  return {
    async importLeads(
      actor: Actor,
      campaignId: string,
      file: ImportFile,
      progressToken?: string,
    ): Promise<{ imported: number }> {
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!leadPolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入线索');
      const calendar = await calendarService.calendar();
      const day = today();
      return runImport<ImportedLead>({
        db,
        file,
        progress: importProgress.track(progressToken),
        specOf: (insert) =>
          leadImportSpec({
            targets,
            today: day,
            canRegisterFor: (unitPath) => leadPolicy.canCreate(actor, unitPath),
            numbersTaken: (t, keys) => repo.sourceNumbersTaken(t, keys),
            insert,
          }),
        store: (tx) => {
          // The clocks of every lead are gathered and written to the roll-up merged (as the cases' figures).
          const figures = rollups.bulkLeads(tx);
          const taskDefaults = campaignsService.recordTask.importDefaults(targets.campaign.id);
          return {
            insert: async (t, rows) => {
              const taskIds = await taskDefaults(t, rows);
              const inserts = rows.map((r, i) => ({
                ...r,
                taskId: taskIds[i],
                campaignId: targets.campaign.id,
                // The importer handles the leads of his own unit; another unit's wait for its office or leader to assign them.
                handlerIds: leadPolicy.mayHandleOwnRegistration(actor, r.unitId) ? [actor.userId] : [],
                createdBy: actor.userId,
                dueDate: verificationClock(calendar, {
                  receivedDate: r.receivedDate,
                  extended: false,
                  pauses: [],
                  today: day,
                }).dueDate,
              }));
              await repo.insertMany(t, inserts);
              await figures.add(inserts.map(leadFacts));
            },
            flush: figures.flush,
          };
        },
        audit: (tx, after) =>
          auditService.record(tx, actor, {
            action: 'lead.import',
            recordId: targets.campaign.id,
            unitId: actor.unitId,
            after,
          }),
        tablesToAnalyze: [leads, rollupDaily, rollupMonthly],
      });
    },
  };
}

export type LeadImportService = ReturnType<typeof createLeadImportService>;
