import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import type { ImportFile } from '../../platform/tabular/import-types';
import { runImport } from '../../platform/tabular/run-import';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { ImportProgress } from '../imports/import-progress';
import { sampleImportSpec, type ImportedSample } from './sample-import';
import { FOLLOW_UP_DEFAULT_WORKING_DAYS } from './sample-kinds';
import { samplePolicy } from './samples.policy';
import type { SamplesRepository } from './samples.repository';
import { sampleFollowUps, samples } from './samples.schema';
import { DEFAULT_FOLLOW_UP_DEMAND } from './samples.service';

/**
 * Brings a bureau's 抽检结果 spreadsheet into a campaign, all or nothing: each row's entity named by
 * its credit code; a failed batch opens its 核查处置 (下架, 10 working days) in the same transaction.
 */
export function createSampleImportService(deps: {
  db: Db;
  samplesRepository: SamplesRepository;
  campaignsService: CampaignsService;
  calendarService: Pick<CalendarService, 'calendar'>;
  auditService: AuditService;
  importProgress: ImportProgress;
  today?: () => string;
}) {
  const { db, samplesRepository: repo, campaignsService, calendarService, auditService, importProgress } = deps;
  const today = deps.today ?? (() => todayInChina());
  return {
    async importSamples(actor: Actor, campaignId: string, file: ImportFile, progressToken?: string) {
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!samplePolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入抽检记录');
      const day = today();
      return runImport<ImportedSample>({
        db,
        file,
        progress: importProgress.track(progressToken),
        specOf: (insert) =>
          sampleImportSpec({
            targets,
            today: day,
            canRecordFor: (unitPath) => samplePolicy.canRecord(actor, unitPath),
            entities: repo.entitiesByCreditCode,
            insert,
          }),
        store: () => {
          const taskDefaults = campaignsService.recordTask.importDefaults(targets.campaign.id);
          return {
            async insert(t, rows) {
              const [taskIds, entities, calendar] = await Promise.all([
                taskDefaults(t, rows),
                repo.entitiesByCreditCode(t, [...new Set(rows.map((r) => r.creditCode))]),
                calendarService.calendar(t),
              ]);
              const entityId = new Map(entities.map((e) => [e.creditCode, e.id]));
              const created = await repo.insertMany(
                t,
                rows.map(({ unitPath: _path, creditCode, ...r }, i) => ({
                  ...r,
                  entityId: entityId.get(creditCode)!,
                  taskId: taskIds[i],
                  campaignId: targets.campaign.id,
                  createdBy: actor.userId,
                })),
              );
              await repo.insertFollowUps(
                t,
                created
                  .filter((s) => s.result === 'fail')
                  .map((s) => ({
                    sampleId: s.id,
                    measures: ['off_shelf' as const],
                    demand: DEFAULT_FOLLOW_UP_DEMAND,
                    deadline: calendar.addWorkingDays(s.resultDate ?? s.sampledDate, FOLLOW_UP_DEFAULT_WORKING_DAYS)
                      .date,
                  })),
              );
            },
          };
        },
        audit: (tx, after) =>
          auditService.record(tx, actor, {
            action: 'sample.import',
            recordId: targets.campaign.id,
            unitId: actor.unitId,
            after,
          }),
        tablesToAnalyze: [samples, sampleFollowUps],
      });
    },
  };
}

export type SampleImportService = ReturnType<typeof createSampleImportService>;
