import { useRef } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { AttachmentsCard } from '../../lib/AttachmentsCard';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { downloadSampleAttachment, useSampleAttachmentMutations, useSampleAttachments, type Sample } from './api';

/**
 * 照片和文件 of a sample: the files card (抽样单, 检验报告 …) and, beside it, the phone's camera
 * (`capture="environment"`); each photo lists when and where it was taken when the phone wrote it.
 */
export function SampleFilesCard({ record }: { record: Sample }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const files = useSampleAttachments(record.id);
  const { upload, remove } = useSampleAttachmentMutations(record.id);
  const camera = useRef<HTMLInputElement>(null);
  const sendPhoto = (file: File | undefined) => {
    if (!file) return;
    upload.mutateAsync(file).then(
      (a) => void message.success(t('attachments.uploaded', { name: a.fileName })),
      (e) => showError(e),
    );
  };
  const photos = (files.data ?? []).filter((f) => f.takenAt || f.takenLatitude);
  return (
    <AttachmentsCard
      title={t('samples.files.title')}
      files={files.data}
      loading={files.isLoading}
      canEdit={record.can.attach}
      upload={{ run: upload.mutateAsync, pending: upload.isPending }}
      remove={(a) => remove.mutateAsync(a.id)}
      fetch={(a) => downloadSampleAttachment(record.id, a)}
      note={
        <Space orientation="vertical" size={4}>
          {record.can.attach && (
            <Space wrap>
              <input
                ref={camera}
                type="file"
                accept="image/*"
                capture="environment"
                hidden
                aria-label={t('samples.files.camera')}
                onChange={(e) => {
                  sendPhoto(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <Button icon={<CameraOutlined />} loading={upload.isPending} onClick={() => camera.current?.click()}>
                {t('samples.files.camera')}
              </Button>
              <Typography.Text type="secondary">{t('samples.files.cameraHint')}</Typography.Text>
            </Space>
          )}
          {photos.map((p) => (
            <Typography.Text key={p.id} type="secondary">
              {p.fileName}：{p.takenAt ? t('samples.files.takenAt', { at: formatDateTime(p.takenAt) }) : ''}
              {p.takenLatitude && p.takenLongitude
                ? ` ${t('samples.files.place', { lat: p.takenLatitude, lng: p.takenLongitude })}`
                : ''}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}
