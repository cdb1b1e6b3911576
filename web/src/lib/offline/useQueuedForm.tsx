import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Form, List, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { CameraOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { FileButton } from '../../modules/inspections/InspectionPhotos';
import { fileSize } from '../format';
import { uploadFile } from '../upload';
import { useShowError } from '../useShowError';
import { draftFieldErrors } from './form-draft';
import { draftKey, isNetworkError, queuedFile, useOfflineQueue, useSendOrQueue, type NewEntry } from './OfflineQueue';
import type { FieldProblem } from './queue-kernel';
import { offlineStore } from './store';

/** A form's draft kept under its `formPath`: the values and, when the server returned it, why. */
export interface QueuedDraft {
  values?: Record<string, unknown>;
  problem?: { title: string; detail?: string; errors?: FieldProblem[] };
}

/**
 * A record form's save through the offline queue: sent now, or queued (with its photos) when
 * there is no network; the photos of a record sent now follow it (the rest queued if the network
 * goes meanwhile). With `formPath`, a creation the server returned (422, 在表单中修改 in the
 * queue's drawer) comes back into the form with its fields' errors; `onRestore` takes what else a
 * page keeps in its draft (the new outing's photos and the values it keeps while they are typed).
 */
export function useQueuedForm<V, D extends QueuedDraft = QueuedDraft>({
  form,
  formPath,
  toValues,
  onRestore,
}: {
  form: FormInstance<V>;
  formPath?: string;
  toValues?: (body: Record<string, unknown>) => Partial<V>;
  onRestore?: (draft: D) => void;
}) {
  const t = useT();
  const queue = useOfflineQueue();
  const sendOrQueue = useSendOrQueue();
  const showError = useShowError();
  const [returned, setReturned] = useState<QueuedDraft['problem'] | null>(null);
  const key = formPath ? draftKey(formPath) : undefined;
  const toValuesRef = useRef(toValues);
  const onRestoreRef = useRef(onRestore);

  useEffect(() => {
    if (!key) return;
    let live = true;
    void offlineStore
      .draft<D>(key)
      .then((draft) => {
        if (!live || !draft?.values) return;
        const values = toValuesRef.current ? toValuesRef.current(draft.values) : draft.values;
        form.setFieldsValue(values as Parameters<FormInstance<V>['setFieldsValue']>[0]);
        form.setFields(draftFieldErrors(draft.problem?.errors) as Parameters<FormInstance<V>['setFields']>[0]);
        setReturned(draft.problem ?? { title: '' });
        onRestoreRef.current?.(draft);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [form, key]);

  const submit = async <R extends { id: string }>(send: () => Promise<R>, entry: NewEntry, files: File[] = []) => {
    const result = await sendOrQueue(send, { ...entry, files: files.map(queuedFile), formPath });
    if (key) await offlineStore.removeDraft(key).catch(() => {});
    if ('queued' in result || !files.length || !entry.attachmentsPath) return result;
    const path = entry.attachmentsPath.replace('{id}', result.sent.id);
    for (const [i, file] of files.entries()) {
      try {
        await uploadFile(path, file);
      } catch (e) {
        if (!isNetworkError(e)) {
          showError(e);
          continue;
        }
        // The network went while the photos were sent: the rest wait in the queue for the new record.
        await queue.enqueue({
          method: entry.method,
          path: entry.path,
          body: {},
          createdId: result.sent.id,
          files: files.slice(i).map(queuedFile),
          attachmentsPath: entry.attachmentsPath,
          label: entry.label,
        });
        break;
      }
    }
    return result;
  };

  const alert = returned && (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('offline.draftReturned')}
      description={returned.detail || returned.title || undefined}
    />
  );
  return { submit, alert };
}

/** Photos taken (or chosen) with a new record, sent or queued with it (`hint` under them, else the dialogs'). */
export function PendingPhotos({
  photos,
  onChange,
  hint,
}: {
  photos: File[];
  onChange: (next: File[]) => void;
  hint?: string;
}) {
  const t = useT();
  return (
    <Form.Item label={t('inspectionPhotos.addPhotos')} extra={hint ?? t('offline.photosHint')}>
      <Flex gap={8} wrap style={{ marginBottom: photos.length ? 8 : 0 }}>
        <FileButton camera icon={<CameraOutlined />} onFiles={(f) => onChange([...photos, ...f])}>
          {t('inspectionPhotos.takePhoto')}
        </FileButton>
        <FileButton icon={<UploadOutlined />} onFiles={(f) => onChange([...photos, ...f])}>
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
                  onClick={() => onChange(photos.filter((_, j) => j !== i))}
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
