import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import type { ImportFile } from '../../platform/tabular/import-types';
import { runImport } from '../../platform/tabular/run-import';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { ImportProgress } from '../imports/import-progress';
import { inspectionImportSpec, type ImportedInspection } from './inspection-import';
import type { InspectionFacts } from '../rollups/rollup-contributions';
import { inspectionPolicy } from './inspections.policy';
import type { InspectionsRepository } from './inspections.repository';
import { todayInChina } from '../../platform/today';
import { rollupDaily, rollupMonthly } from '../rollups/rollups.schema';
import { inspectionSeizures, inspections } from './inspections.schema';

/** Brings a unit's existing inspection tallies into a campaign, all or nothing. */
export function createInspectionImportService(deps: {
  db: Db;
  inspectionsRepository: InspectionsRepository;
  campaignsService: CampaignsService;
  auditService: AuditService;
  importProgress: ImportProgress;
  rollups: { bulkInspections(tx: Db): { add(facts: InspectionFacts[]): Promise<void>; flush(): Promise<void> } };
  today?: () => string;
}) {
  const { db, inspectionsRepository: repo, campaignsService, auditService, importProgress, rollups } = deps;
  const today = deps.today ?? (() => todayInChina());
  return {
    async importInspections(
      actor: Actor,
      campaignId: string,
      file: ImportFile,
      progressToken?: string,
    ): Promise<{ imported: number }> {
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!inspectionPolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入检查记录');
      const day = today();
      return runImport<ImportedInspection>({
        db,
        file,
        progress: importProgress.track(progressToken),
        specOf: (insert) =>
          inspectionImportSpec({
            targets,
            today: day,
            canRecordFor: (unitPath) => inspectionPolicy.canRecord(actor, unitPath),
            insert,
          }),
        store: (tx) => {
          const figures = rollups.bulkInspections(tx);
          const taskDefaults = campaignsService.recordTask.importDefaults(targets.campaign.id);
          return {
            async insert(t, rows) {
              const taskIds = await taskDefaults(t, rows);
              const inserts = rows.map((r, i) => ({
                ...r,
                taskId: taskIds[i],
                campaignId: targets.campaign.id,
                createdBy: actor.userId,
              }));
              await repo.insertMany(t, inserts);
              await figures.add(inserts.map((r) => ({ vehicles: 0, ...r })));
            },
            flush: figures.flush,
          };
        },
        audit: (tx, after) =>
          auditService.record(tx, actor, {
            action: 'inspection.import',
            recordId: targets.campaign.id,
            unitId: actor.unitId,
            after,
          }),
        tablesToAnalyze: [inspections, inspectionSeizures, rollupDaily, rollupMonthly],
      });
    },
  };
}

export type InspectionImportService = ReturnType<typeof createInspectionImportService>;
