import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Form, List, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { CameraOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { fileSize } from '../../lib/format';
import { uploadFile } from '../../lib/upload';
import { useShowError } from '../../lib/useShowError';
import { draftKey, isNetworkError, queuedFile, useOfflineQueue, useSendOrQueue } from '../../lib/offline/OfflineQueue';
import type { FieldProblem } from '../../lib/offline/queue-kernel';
import { offlineStore } from '../../lib/offline/store';
import type { Inspection, InspectionBody } from './api';
import type { InspectionFormValues } from './inspection-form';
import {
  INSPECTION_ATTACHMENTS_PATH,
  inspectionFieldLabels,
  inspectionQueueLabel,
  NEW_INSPECTION_PATH,
} from './inspection-offline';
import { FileButton } from './InspectionPhotos';

interface Draft {
  values?: InspectionFormValues;
  photos?: File[];
  problem?: { title: string; errors?: FieldProblem[] };
}

const KEY = draftKey(NEW_INSPECTION_PATH);

/** A field path of the server (`seizures.0.quantity`) as the form names it. */
const fieldName = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * The new outing's form without a network: the values are kept as a draft in IndexedDB while they
 * are typed (restored when the page opens again, even offline), the photos taken with it are held
 * until the record is saved, and saving sends it now or queues it (with its photos) when there is
 * no network.
 */
export function useOfflineCreate(form: FormInstance, create: (body: InspectionBody) => Promise<Inspection>) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const queue = useOfflineQueue();
  const sendOrQueue = useSendOrQueue();
  const [photos, setPhotosState] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<'draft' | 'returned' | 'queued' | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const photosRef = useRef<File[]>([]);

  const keep = (values: InspectionFormValues) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => void offlineStore.saveDraft(KEY, { values, photos: photosRef.current } satisfies Draft).catch(() => {}),
      400,
    );
  };
  const setPhotos = (next: File[]) => {
    photosRef.current = next;
    setPhotosState(next);
    keep(form.getFieldsValue(true) as InspectionFormValues);
  };
  const clearDraft = async () => {
    window.clearTimeout(timer.current);
    await offlineStore.removeDraft(KEY).catch(() => {});
  };

  useEffect(() => {
    let live = true;
    void offlineStore
      .draft<Draft>(KEY)
      .then((draft) => {
        if (!live || !draft?.values) return;
        form.setFieldsValue(draft.values);
        photosRef.current = draft.photos ?? [];
        setPhotosState(photosRef.current);
        if (draft.problem?.errors?.length)
          form.setFields(
            draft.problem.errors.filter((e) => e.path).map((e) => ({ name: fieldName(e.path!), errors: [e.message] })),
          );
        setNotice(draft.problem ? 'returned' : 'draft');
      })
      .catch(() => {});
    return () => {
      live = false;
      window.clearTimeout(timer.current);
    };
  }, [form]);

  const save = async (body: InspectionBody) => {
    setSaving(true);
    try {
      const files = photosRef.current;
      const result = await sendOrQueue(() => create(body), {
        method: 'POST',
        path: '/api/inspections',
        body,
        label: inspectionQueueLabel(t, body),
        files: files.map(queuedFile),
        attachmentsPath: INSPECTION_ATTACHMENTS_PATH,
        formPath: NEW_INSPECTION_PATH,
        fieldLabels: inspectionFieldLabels(t),
      });
      await clearDraft();
      if ('queued' in result) {
        // Stay on the form (the list cannot be read without a network): the next outing can be entered.
        void message.success(t('offline.queued'));
        form.resetFields();
        photosRef.current = [];
        setPhotosState([]);
        setNotice('queued');
        window.scrollTo(0, 0);
        return;
      }
      const created = result.sent;
      for (const [i, file] of files.entries()) {
        try {
          await uploadFile(INSPECTION_ATTACHMENTS_PATH.replace('{id}', created.id), file);
        } catch (e) {
          if (!isNetworkError(e)) {
            showError(e);
            continue;
          }
          // The network went while the photos were sent: the rest wait in the queue for the new outing.
          await queue.enqueue({
            method: 'POST',
            path: '/api/inspections',
            body: {},
            createdId: created.id,
            files: files.slice(i).map(queuedFile),
            attachmentsPath: INSPECTION_ATTACHMENTS_PATH,
            label: inspectionQueueLabel(t, body),
          });
          break;
        }
      }
      void message.success(t('inspections.created'));
      navigate(`/inspections/${created.id}`);
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
              onClick={() =>
                void clearDraft().then(() => {
                  form.resetFields();
                  photosRef.current = [];
                  setPhotosState([]);
                  setNotice(null);
                })
              }
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
  const { photos, setPhotos } = offline;
  return (
    <Form.Item label={t('inspectionPhotos.addPhotos')} extra={t('inspectionPhotos.addPhotosHint')}>
      <Flex gap={8} wrap style={{ marginBottom: photos.length ? 8 : 0 }}>
        <FileButton camera icon={<CameraOutlined />} onFiles={(f) => setPhotos([...photos, ...f])}>
          {t('inspectionPhotos.takePhoto')}
        </FileButton>
        <FileButton icon={<UploadOutlined />} onFiles={(f) => setPhotos([...photos, ...f])}>
          {t('inspectionPhotos.uploadFile')}
        </FileButton>
      </Flex>
      {photos.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={photos}
          renderItem={(file, i) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setPhotos(photos.filter((_, j) => j !== i))}
                >
                  {t('inspectionPhotos.removePending')}
                </Button>,
              ]}
            >
              <Typography.Text ellipsis>{file.name}</Typography.Text>
              <Typography.Text type="secondary">{fileSize(file.size)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Form.Item>
  );
}
