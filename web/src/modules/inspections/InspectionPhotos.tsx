import { useRef, type ReactNode } from 'react';
import { App, Button, Card, Col, Empty, Flex, Image, List, Popconfirm, Row, Space, Typography } from 'antd';
import {
  CameraOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EnvironmentOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { ATTACHMENT_ACCEPT } from '../../lib/AttachmentsCard';
import { fileSize, formatDateTime } from '../../lib/format';
import { useDownload } from '../../lib/useDownload';
import { useShowError } from '../../lib/useShowError';
import type { Inspection } from './api';
import {
  downloadInspectionAttachment,
  inspectionAttachmentUrl,
  useInspectionAttachmentMutations,
  useInspectionAttachments,
  type InspectionAttachment,
} from './photos-api';

/**
 * A button that opens a file input: on a phone `capture` opens the back camera (accept image/*);
 * otherwise the file chooser with the types the server accepts. Several files at once.
 */
export function FileButton(props: {
  camera?: boolean;
  icon: ReactNode;
  children: ReactNode;
  loading?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        // The form's styles show every file input (display: block): the attribute alone does not hide it.
        style={{ display: 'none' }}
        multiple
        accept={props.camera ? 'image/*' : ATTACHMENT_ACCEPT}
        capture={props.camera ? 'environment' : undefined}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
      <Button icon={props.icon} loading={props.loading} onClick={() => input.current?.click()}>
        {props.children}
      </Button>
    </>
  );
}

/** 拍摄时间 and place of a photo, or 未记录. */
function TakenLine({ a }: { a: InspectionAttachment }) {
  const t = useT();
  const place =
    a.takenLatitude !== null && a.takenLongitude !== null ? `${a.takenLatitude}, ${a.takenLongitude}` : null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <div>
        {t('inspectionPhotos.takenAt')}：{a.takenAt ? formatDateTime(a.takenAt) : t('inspectionPhotos.unknown')}
      </div>
      <div>
        <EnvironmentOutlined /> {t('inspectionPhotos.place')}：{place ?? t('inspectionPhotos.unknown')}
      </div>
    </Typography.Text>
  );
}

/**
 * 现场照片和材料 of an outing: thumbnails of the photos with 拍摄时间 and place, the other files to
 * download; taking a photo (the phone's camera) and uploading files while the outing may be edited.
 */
export function InspectionPhotosCard({ inspection }: { inspection: Inspection }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { downloading, download } = useDownload();
  const files = useInspectionAttachments(inspection.id);
  const { upload, remove } = useInspectionAttachmentMutations(inspection.id);
  const canEdit = inspection.can.edit;
  const all = files.data ?? [];
  const photos = all.filter((a) => a.mimeType.startsWith('image/'));
  const others = all.filter((a) => !a.mimeType.startsWith('image/'));

  const send = async (chosen: File[]) => {
    for (const file of chosen) {
      try {
        const a = await upload.mutateAsync(file);
        void message.success(t('attachments.uploaded', { name: a.fileName }));
      } catch (e) {
        showError(e);
      }
    }
  };
  const removeButton = (a: InspectionAttachment) =>
    canEdit && (
      <Popconfirm
        key="del"
        title={t('attachments.confirmDelete', { name: a.fileName })}
        onConfirm={() => remove.mutateAsync(a.id).catch((e: unknown) => showError(e))}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('attachments.delete')} />
      </Popconfirm>
    );
  const downloadButton = (a: InspectionAttachment) => (
    <Button
      key="get"
      type="link"
      size="small"
      icon={<DownloadOutlined />}
      loading={downloading === a.id}
      aria-label={t('attachments.download')}
      onClick={() => void download(a.id, () => downloadInspectionAttachment(inspection.id, a))}
    />
  );

  return (
    <Card
      size="small"
      title={
        <Space>
          <CameraOutlined />
          {t('inspectionPhotos.title')}
        </Space>
      }
      extra={
        canEdit && (
          <Flex gap={8} wrap>
            <FileButton camera icon={<CameraOutlined />} loading={upload.isPending} onFiles={(f) => void send(f)}>
              {t('inspectionPhotos.takePhoto')}
            </FileButton>
            <FileButton icon={<UploadOutlined />} onFiles={(f) => void send(f)}>
              {t('inspectionPhotos.uploadFile')}
            </FileButton>
          </Flex>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('inspectionPhotos.rules')}</Typography.Paragraph>
      {!files.isLoading && !all.length && <Empty description={t('inspectionPhotos.none')} />}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Row gutter={[12, 12]}>
            {photos.map((a) => (
              <Col key={a.id} xs={12} sm={8} md={6}>
                <Flex vertical gap={4} data-testid="inspection-photo">
                  <Image
                    src={inspectionAttachmentUrl(inspection.id, a.id)}
                    alt={a.fileName}
                    width="100%"
                    height={120}
                    style={{ objectFit: 'cover', borderRadius: 6 }}
                  />
                  <Flex justify="space-between" align="center">
                    <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
                      {a.fileName}
                    </Typography.Text>
                    <span>
                      {downloadButton(a)}
                      {removeButton(a)}
                    </span>
                  </Flex>
                  <TakenLine a={a} />
                </Flex>
              </Col>
            ))}
          </Row>
        </Image.PreviewGroup>
      )}
      {others.length > 0 && (
        <List
          size="small"
          header={
            <Space>
              <PaperClipOutlined />
              {t('inspectionPhotos.files')}
            </Space>
          }
          dataSource={others}
          renderItem={(a) => (
            <List.Item actions={[downloadButton(a), removeButton(a)].filter(Boolean)}>
              <List.Item.Meta
                title={a.fileName}
                description={`${fileSize(a.sizeBytes)} · ${t('inspectionPhotos.uploadedBy', {
                  name: a.uploadedByName,
                  at: formatDateTime(a.uploadedAt),
                })}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
