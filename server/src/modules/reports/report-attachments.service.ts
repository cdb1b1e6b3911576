import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { storedFile, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { ReportAttachmentsRepository, ReportFileKey } from './report-attachments.repository';
import { reportPolicy } from './reports.policy';
import type { ReportKey, ReportsService } from './reports.service';

/** A report carries at most this many files (each at most MAX_ATTACHMENT_BYTES, 20 MB). */
export const MAX_REPORT_ATTACHMENTS = 20;

/**
 * The files a unit sends with a report (photos of the work done, documents): whoever sees the
 * report lists and downloads them; whoever may submit it (the unit's liaison, or the office above
 * it: 代报) adds and removes them once the period has ended, until the report is accepted (locked).
 * Each change is audited in its own transaction.
 */
export function createReportAttachmentsService(deps: {
  db: Db;
  reportsService: Pick<ReportsService, 'locate'>;
  reportAttachmentsRepository: ReportAttachmentsRepository;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, reportsService, reportAttachmentsRepository: repo, auditService } = deps;
  const now = deps.now ?? (() => new Date());

  /** The report the actor may change the files of: 404 outside the scope, 403 for a role that may not submit, 409 once accepted. */
  async function changeable(actor: Actor, campaignId: string, key: ReportKey, at = now()) {
    const report = await reportsService.locate(actor, campaignId, key);
    if (!reportPolicy.canSubmit(actor, report.unit.path))
      throw forbidden('只有本单位的联络员或上级专项办可以上传或删除报表附件');
    if (report.submission?.status === 'accepted') throw conflict('该报表已审核通过并锁定，附件不能再上传或删除');
    if (todayInChina(at) < report.deadline.periodEnd)
      throw invalidField('periodEnd', `统计期间到 ${report.deadline.periodEnd} 才结束，届时才能上传附件`);
    return report;
  }

  /** A file and its report's key, if the actor sees that report (404 for the file otherwise, as if it did not exist). */
  async function visibleFile(actor: Actor, id: string) {
    const found = isUuid(id) ? await repo.find(db, id) : undefined;
    if (!found) throw notFound('附件');
    const key = { scheduleId: found.scheduleId, periodEnd: found.periodEnd, unitId: found.unitId };
    await reportsService.locate(actor, found.campaignId, key).catch(asMissingFile);
    return { found, key };
  }

  return {
    async list(actor: Actor, campaignId: string, key: ReportKey) {
      await reportsService.locate(actor, campaignId, key);
      return repo.list(db, { campaignId, ...key });
    },

    /** `history.at` dates a file sent earlier, outside RedShield (the demo's past reports); the API never passes it. */
    async add(actor: Actor, campaignId: string, key: ReportKey, file: UploadedFile, history?: { at: Date }) {
      const { unit } = await changeable(actor, campaignId, key, history?.at);
      const stored = storedFile(actor, file);
      const fileKey: ReportFileKey = { campaignId, ...key };
      return db.transaction(async (tx) => {
        await repo.lockReport(tx, fileKey);
        if ((await repo.count(tx, fileKey)) >= MAX_REPORT_ATTACHMENTS)
          throw invalidField('file', `每份报表最多 ${MAX_REPORT_ATTACHMENTS} 个附件，请先删除不需要的附件`);
        const created = await repo.insert(tx, { ...fileKey, ...stored, uploadedAt: history?.at });
        await auditService.record(tx, actor, {
          action: 'report.attachment_add',
          recordId: created.id,
          unitId: unit.id,
          after: created,
        });
        return created;
      });
    },

    /** One file's description (no content). */
    async get(actor: Actor, id: string) {
      const { uploadedBy: _by, ...meta } = withoutContent((await visibleFile(actor, id)).found);
      return meta;
    },

    async download(actor: Actor, id: string) {
      return (await visibleFile(actor, id)).found;
    },

    async remove(actor: Actor, id: string) {
      const { found, key } = await visibleFile(actor, id);
      const { unit } = await changeable(actor, found.campaignId, key);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await auditService.record(tx, actor, {
          action: 'report.attachment_remove',
          recordId: id,
          unitId: unit.id,
          before: withoutContent(found),
        });
      });
    },
  };
}

/** A report out of sight (or gone with a plan's edit) hides its files: 404 for the file, not for the report. */
function asMissingFile(e: unknown): never {
  throw e instanceof AppError && e.status === 404 ? notFound('附件') : e;
}

export type ReportAttachmentsService = ReturnType<typeof createReportAttachmentsService>;
