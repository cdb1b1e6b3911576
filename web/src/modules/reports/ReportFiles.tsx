import { useT } from '../../locales/i18n';
import { AttachmentsCard } from '../../lib/AttachmentsCard';
import type { PeriodicReport } from './api';
import { downloadReportAttachment, useReportAttachmentMutations, useReportAttachments } from './attachments-api';

/** 附件 of a report: photos and documents the unit sends with it; changed by whoever may submit it, until it is accepted. */
export function ReportFiles({ campaignId, report: r }: { campaignId: string; report: PeriodicReport }) {
  const t = useT();
  const key = { scheduleId: r.scheduleId, periodEnd: r.periodEnd, unitId: r.unitId };
  const files = useReportAttachments(campaignId, key);
  const { upload, remove } = useReportAttachmentMutations(campaignId, key);
  return (
    <AttachmentsCard
      size="small"
      title={t('reports.files.title')}
      files={files.data}
      loading={files.isLoading}
      canEdit={r.can.submit}
      note={r.state === 'accepted' ? t('reports.files.locked') : undefined}
      upload={{ run: upload.mutateAsync, pending: upload.isPending }}
      remove={(a) => remove.mutateAsync(a.id)}
      fetch={downloadReportAttachment}
    />
  );
}
