import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import type { ImportFile } from '../../platform/tabular/import-types';
import { runImport } from '../../platform/tabular/run-import';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { ImportProgress } from '../imports/import-progress';
import { caseImportSpec, type ImportedCase } from './case-import';
import { casePolicy } from './cases.policy';
import type { CasesRepository } from './cases.repository';
import { dueDateOf } from './case-rows';
import { todayInChina } from '../../platform/today';
import { rollupDaily, rollupMonthly } from '../rollups/rollups.schema';
import { caseStageEvents, cases } from './cases.schema';

export interface CaseImportDeps {
  db: Db;
  casesRepository: CasesRepository;
  campaignsService: CampaignsService;
  auditService: AuditService;
  importProgress: ImportProgress;
  rollups: { importedCases(tx: Db): { add(caseIds: string[]): void; flush(): Promise<void> } };
  today?: () => string;
}

/** Brings a bureau's existing case ledger into a campaign, all or nothing (POST …/cases/import). */
export function createCaseImportService(deps: CaseImportDeps) {
  const { db, casesRepository: repo, campaignsService, auditService, importProgress, rollups } = deps;
  const today = deps.today ?? (() => todayInChina());

  return {
    async importCases(
      actor: Actor,
      campaignId: string,
      file: ImportFile,
      progressToken?: string,
    ): Promise<{ imported: number }> {
      // A campaign outside the scope answers 404 to everyone; then who may import.
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!casePolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入案件');
      const day = today();
      const event = { actorUserId: actor.userId, actorName: actor.displayName, note: `由台账导入（${file.fileName}）` };
      // A batch's insert answers the places of the rows whose case number was already taken.
      return runImport<ImportedCase, number[]>({
        db,
        file,
        progress: importProgress.track(progressToken),
        specOf: (insert, storing) =>
          caseImportSpec({
            storing,
            targets,
            today: day,
            canFileFor: (unitPath) => casePolicy.canImportFor(actor, unitPath),
            numbersTaken: (t, pairs) => repo.numbersTaken(t, pairs),
            insert,
          }),
        store: (tx) => {
          // The figures of the imported cases are summed by the database once, at the end (flush).
          const figures = rollups.importedCases(tx);
          const taskDefaults = campaignsService.recordTask.importDefaults(targets.campaign.id);
          let bulk: Promise<void> | undefined;
          return {
            async insert(t, rows) {
              await (bulk ??= repo.beginBulkInsert(t));
              const taskIds = await taskDefaults(t, rows);
              const inserts = rows.map((r, i) => ({
                ...r,
                taskId: taskIds[i],
                campaignId: targets.campaign.id,
                createdBy: actor.userId,
                decisionDueDate: dueDateOf({ stage: r.stage ?? 'filed', filingDate: r.filingDate }, [], day),
              }));
              const { ids, refused } = await repo.insertMany(t, inserts, event);
              figures.add(ids);
              return refused;
            },
            async flush() {
              if (bulk) await repo.endBulkInsert(tx);
              await figures.flush();
            },
          };
        },
        audit: (tx, after) =>
          auditService.record(tx, actor, {
            action: 'case.import',
            recordId: targets.campaign.id,
            unitId: actor.unitId,
            after,
          }),
        tablesToAnalyze: [cases, caseStageEvents, rollupDaily, rollupMonthly],
      });
    },
  };
}

export type CaseImportService = ReturnType<typeof createCaseImportService>;
