import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';
import type { ReportKey } from './api';

export type ReportAttachment = Schemas['ReportAttachment'];
const key = (campaignId: string, report: ReportKey) => ['reports', 'attachments', campaignId, report] as const;

/** 报表附件: the files sent with one unit's report of one period. */
export function useReportAttachments(campaignId: string, report: ReportKey) {
  return useQuery({
    queryKey: key(campaignId, report),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/reports/attachments', {
          params: { path: { id: campaignId }, query: report },
        }),
      ).items,
  });
}

export function useReportAttachmentMutations(campaignId: string, report: ReportKey) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: key(campaignId, report) });
  return {
    upload: useMutation({
      mutationFn: (file: File) =>
        uploadFile<ReportAttachment>(
          `/api/campaigns/${campaignId}/reports/attachments?${new URLSearchParams({ ...report })}`,
          file,
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: async (attachmentId: string) =>
        unwrap(await api.DELETE('/api/report-attachments/{attachmentId}', { params: { path: { attachmentId } } })),
      onSuccess: refresh,
    }),
  };
}

export async function downloadReportAttachment(a: ReportAttachment) {
  return saveDownload(
    await api.GET('/api/report-attachments/{attachmentId}/content', {
      params: { path: { attachmentId: a.id } },
      parseAs: 'blob',
    }),
    a.fileName,
  );
}
