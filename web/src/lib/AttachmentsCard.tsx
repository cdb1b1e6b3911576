import type { ReactNode } from 'react';
import { App, Button, Card, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../locales/i18n';
import { fileSize, formatDateTime } from './format';
import { useDownload } from './useDownload';
import { useShowError } from './useShowError';

/** What the server accepts (platform/attachments/attachment-types.ts): photos, PDFs, office documents. */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.ofd';

/** A stored file as the API lists it (a case's or a report's). */
export interface AttachmentFile {
  id: string;
  fileName: string;
  sizeBytes: number;
  uploadedByName: string;
  uploadedAt: string;
}

/**
 * The files of a record (案卷材料 of a case, 附件 of a report): each with its size, who uploaded it and
 * when, to download; upload and remove (confirmed) while the server's `can` allows changes.
 */
export function AttachmentsCard<A extends AttachmentFile>(props: {
  title: ReactNode;
  files: A[] | undefined;
  loading: boolean;
  canEdit: boolean;
  /** Shown under the rules: why the files cannot be changed now, for instance. */
  note?: ReactNode;
  upload: { run: (file: File) => Promise<A>; pending: boolean };
  remove: (file: A) => Promise<unknown>;
  fetch: (file: A) => Promise<string>;
  size?: 'small';
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { downloading, download } = useDownload();
  const { canEdit, upload } = props;
  return (
    <Card
      size={props.size}
      title={
        <Space>
          <PaperClipOutlined />
          {props.title}
        </Space>
      }
      extra={
        canEdit && (
          <Upload
            showUploadList={false}
            accept={ATTACHMENT_ACCEPT}
            customRequest={({ file }) =>
              upload.run(file as File).then(
                (a) => void message.success(t('attachments.uploaded', { name: a.fileName })),
                (e) => showError(e),
              )
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.pending}>
              {t('attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('attachments.rules')}
        {props.note && <> {props.note}</>}
      </Typography.Paragraph>
      <List
        loading={props.loading}
        dataSource={props.files ?? []}
        locale={{ emptyText: t('attachments.none') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="get"
                type="link"
                icon={<DownloadOutlined />}
                loading={downloading === a.id}
                onClick={() => void download(a.id, () => props.fetch(a))}
              >
                {t('attachments.download')}
              </Button>,
              canEdit && (
                <Popconfirm
                  key="del"
                  title={t('attachments.confirmDelete', { name: a.fileName })}
                  onConfirm={() => props.remove(a).catch((e: unknown) => showError(e))}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" danger icon={<DeleteOutlined />}>
                    {t('attachments.delete')}
                  </Button>
                </Popconfirm>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={a.fileName}
              description={`${fileSize(a.sizeBytes)} · ${a.uploadedByName} · ${formatDateTime(a.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
