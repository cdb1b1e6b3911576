import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button } from 'antd';
import type { FormInstance } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { draftKey } from '../../lib/offline/OfflineQueue';
import { offlineStore } from '../../lib/offline/store';
import { PendingPhotos, useQueuedForm, type QueuedDraft } from '../../lib/offline/useQueuedForm';
import type { Inspection, InspectionBody } from './api';
import type { InspectionFormValues } from './inspection-form';
import {
  INSPECTION_ATTACHMENTS_PATH,
  inspectionFieldLabels,
  inspectionQueueLabel,
  NEW_INSPECTION_PATH,
} from './inspection-offline';

/** The new outing's draft: what the queue keeps of a returned one, and the photos taken with it. */
interface Draft extends QueuedDraft {
  photos?: File[];
}

const KEY = draftKey(NEW_INSPECTION_PATH);

/**
 * The new outing's form without a network: the values are kept as a draft in IndexedDB while they
 * are typed (restored when the page opens again, even offline), the photos taken with it are held
 * until the record is saved, and saving sends it now or queues it (with its photos) when there is
 * no network — through `useQueuedForm`, as the record dialogs do.
 */
export function useOfflineCreate(form: FormInstance, create: (body: InspectionBody) => Promise<Inspection>) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [photos, setPhotosState] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<'draft' | 'returned' | 'queued' | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const photosRef = useRef<File[]>([]);
  const queued = useQueuedForm<InspectionFormValues, Draft>({
    form,
    formPath: NEW_INSPECTION_PATH,
    onRestore: (draft) => {
      photosRef.current = draft.photos ?? [];
      setPhotosState(photosRef.current);
      setNotice(draft.problem ? 'returned' : 'draft');
    },
  });

  const keep = (values: InspectionFormValues) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () =>
        void offlineStore
          .saveDraft(KEY, { values: { ...values }, photos: photosRef.current } satisfies Draft)
          .catch(() => {}),
      400,
    );
  };
  const setPhotos = (next: File[]) => {
    photosRef.current = next;
    setPhotosState(next);
    keep(form.getFieldsValue(true) as InspectionFormValues);
  };
  const clearForm = () => {
    form.resetFields();
    photosRef.current = [];
    setPhotosState([]);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const save = async (body: InspectionBody) => {
    setSaving(true);
    // The draft goes once the outing is sent or queued: no value typed before may write it again.
    window.clearTimeout(timer.current);
    try {
      const result = await queued.submit(
        () => create(body),
        {
          method: 'POST',
          path: '/api/inspections',
          body,
          label: inspectionQueueLabel(t, body),
          attachmentsPath: INSPECTION_ATTACHMENTS_PATH,
          fieldLabels: inspectionFieldLabels(t),
        },
        photosRef.current,
      );
      if ('queued' in result) {
        // Stay on the form (the list cannot be read without a network): the next outing can be entered.
        void message.success(t('offline.queued'));
        clearForm();
        setNotice('queued');
        window.scrollTo(0, 0);
        return;
      }
      void message.success(t('inspections.created'));
      navigate(`/inspections/${result.sent.id}`);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const alerts =
    notice === 'queued' ? (
      <Alert type="success" showIcon closable style={{ marginBottom: 16 }} title={t('offline.queued')} />
    ) : (
      notice && (
        <Alert
          type={notice === 'returned' ? 'error' : 'info'}
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={notice === 'returned' ? t('offline.draftReturned') : t('offline.draftRestored')}
          action={
            <Button
              size="small"
              onClick={() => {
                window.clearTimeout(timer.current);
                void offlineStore
                  .removeDraft(KEY)
                  .catch(() => {})
                  .then(() => {
                    clearForm();
                    setNotice(null);
                  });
              }}
            >
              {t('offline.clearDraft')}
            </Button>
          }
        />
      )
    );

  return {
    save,
    saving,
    alerts,
    photos,
    setPhotos,
    onValuesChange: (_: unknown, values: InspectionFormValues) => keep(values),
  };
}

/** 现场照片 of a new outing: taken with the phone's camera (or chosen), sent or queued with the record. */
export function OfflineCreateExtras({ offline }: { offline: ReturnType<typeof useOfflineCreate> }) {
  const t = useT();
  return (
    <PendingPhotos photos={offline.photos} onChange={offline.setPhotos} hint={t('inspectionPhotos.addPhotosHint')} />
  );
}
