import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { checkRows, importRows, notStored } from '../../platform/tabular/import-rows';
import { readTable } from '../../platform/tabular/read-table';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { ImportFile } from '../../platform/tabular/import-types';
import type { ImportProgress } from '../imports/import-progress';
import { inspectionImportSpec } from './inspection-import';
import type { InspectionFacts } from '../rollups/rollup-contributions';
import { inspectionPolicy } from './inspections.policy';
import type { InspectionsRepository } from './inspections.repository';
import { todayInChina } from '../../platform/today';
import { refreshStatisticsAfterBulkLoad } from '../../platform/db/planner-statistics';
import { rollupDaily } from '../rollups/rollups.schema';
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
    async importInspections(actor: Actor, campaignId: string, file: ImportFile, progressToken?: string): Promise<{ imported: number }> {
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!inspectionPolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入检查记录');
      const progress = importProgress.track(progressToken);
      const day = today();
      const specOf = (insert: Parameters<typeof inspectionImportSpec>[0]['insert']) =>
        inspectionImportSpec({ targets, today: day, canRecordFor: (unitPath) => inspectionPolicy.canRecord(actor, unitPath), insert });
      try {
        // Checked outside the transaction first (reads in batches that let other requests run: on the
        // embedded database a transaction holds its one connection), then stored all or nothing in one.
        await checkRows(db, readTable(file.path, file.kind), specOf(notStored), progress.update);
        const imported = await db.transaction(async (tx) => {
          const figures = rollups.bulkInspections(tx);
          const spec = specOf(async (t, rows) => {
            const inserts = rows.map((r) => ({ ...r, campaignId: targets.campaign.id, createdBy: actor.userId }));
            await repo.insertMany(t, inserts);
            await figures.add(inserts.map((r) => ({ vehicles: 0, ...r })));
          });
          const count = await importRows(tx, readTable(file.path, file.kind), spec);
          await figures.flush();
          await auditService.record(tx, actor, { action: 'inspection.import', recordId: targets.campaign.id, unitId: actor.unitId, after: { fileName: file.fileName, imported: count } });
          return count;
        });
        await refreshStatisticsAfterBulkLoad(db, [inspections, inspectionSeizures, rollupDaily], imported);
        return { imported };
      } finally {
        progress.finish();
      }
    },
  };
}

export type InspectionImportService = ReturnType<typeof createInspectionImportService>;
