import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';

export type InspectionAttachment = Schemas['InspectionAttachment'];
const key = (inspectionId: string) => ['inspections', 'attachments', inspectionId] as const;

/** The photos and files of an outing (with 拍摄时间 and place when the phone wrote them). */
export function useInspectionAttachments(inspectionId: string) {
  return useQuery({
    queryKey: key(inspectionId),
    queryFn: async () =>
      unwrap(await api.GET('/api/inspections/{id}/attachments', { params: { path: { id: inspectionId } } })).items,
  });
}

export function useInspectionAttachmentMutations(inspectionId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: key(inspectionId) });
  return {
    upload: useMutation({
      mutationFn: (file: File) => uploadFile<InspectionAttachment>(inspectionAttachmentsPath(inspectionId), file),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: async (attachmentId: string) =>
        unwrap(
          await api.DELETE('/api/inspections/{id}/attachments/{attachmentId}', {
            params: { path: { id: inspectionId, attachmentId } },
          }),
        ),
      onSuccess: refresh,
    }),
  };
}

/** Where an outing's files are uploaded (also the offline queue's `attachmentsPath` with `{id}`). */
export const inspectionAttachmentsPath = (inspectionId: string) => `/api/inspections/${inspectionId}/attachments`;

/** The stored file itself: a thumbnail's source (same origin, the session cookie travels). */
export const inspectionAttachmentUrl = (inspectionId: string, attachmentId: string) =>
  `${inspectionAttachmentsPath(inspectionId)}/${attachmentId}`;

export async function downloadInspectionAttachment(inspectionId: string, a: InspectionAttachment) {
  return saveDownload(
    await api.GET('/api/inspections/{id}/attachments/{attachmentId}', {
      params: { path: { id: inspectionId, attachmentId: a.id } },
      parseAs: 'blob',
    }),
    a.fileName,
  );
}
