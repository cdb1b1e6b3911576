import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';

export type CaseAttachment = Schemas['CaseAttachment'];
const key = (caseId: string) => ['cases', 'attachments', caseId] as const;

export function useCaseAttachments(caseId: string) {
  return useQuery({
    queryKey: key(caseId),
    queryFn: async () =>
      unwrap(await api.GET('/api/cases/{id}/attachments', { params: { path: { id: caseId } } })).items,
  });
}

export function useAttachmentMutations(caseId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: key(caseId) });
  return {
    upload: useMutation({
      mutationFn: (file: File) => uploadFile<CaseAttachment>(`/api/cases/${caseId}/attachments`, file),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: async (attachmentId: string) =>
        unwrap(
          await api.DELETE('/api/cases/{id}/attachments/{attachmentId}', {
            params: { path: { id: caseId, attachmentId } },
          }),
        ),
      onSuccess: refresh,
    }),
  };
}

export async function downloadAttachment(caseId: string, a: CaseAttachment) {
  return saveDownload(
    await api.GET('/api/cases/{id}/attachments/{attachmentId}', {
      params: { path: { id: caseId, attachmentId: a.id } },
      parseAs: 'blob',
    }),
    a.fileName,
  );
}

export async function downloadTypicalCaseForm(caseId: string) {
  return saveDownload(
    await api.GET('/api/cases/{id}/typical-case.docx', { params: { path: { id: caseId } }, parseAs: 'blob' }),
    'typical-case.docx',
  );
}
