import { useState } from 'react';
import { App, Button, Card, List, Popconfirm, Space, Typography, Upload } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FileWordOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import type { Case } from './api';
import {
  downloadAttachment,
  downloadTypicalCaseForm,
  fileSize,
  useAttachmentMutations,
  useCaseAttachments,
} from './attachments-api';

/** 案卷材料 (the case's files) and 文书 (the typical-case form, annex 3), at the bottom of the case page. */
export function CaseExtras({ record }: { record: Case }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const files = useCaseAttachments(record.id);
  const { upload, remove } = useAttachmentMutations(record.id);
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (id: string, run: () => Promise<string>) => {
    setDownloading(id);
    try {
      void message.success(t('cases.files.downloaded', { name: await run() }));
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <PaperClipOutlined />
            {t('cases.files.title')}
          </Space>
        }
        extra={
          record.can.edit && (
            <Upload
              showUploadList={false}
              accept=".jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.ofd"
              customRequest={({ file }) =>
                upload.mutate(file as File, {
                  onSuccess: (a) => void message.success(t('cases.files.uploaded', { name: a.fileName })),
                  onError: (e) => showError(e),
                })
              }
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                {t('cases.files.upload')}
              </Button>
            </Upload>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('cases.files.rules')}</Typography.Paragraph>
        <List
          loading={files.isLoading}
          dataSource={files.data ?? []}
          locale={{ emptyText: t('cases.files.none') }}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="get"
                  type="link"
                  icon={<DownloadOutlined />}
                  loading={downloading === a.id}
                  onClick={() => void download(a.id, () => downloadAttachment(record.id, a))}
                >
                  {t('cases.files.download')}
                </Button>,
                record.can.edit && (
                  <Popconfirm
                    key="del"
                    title={t('cases.files.confirmDelete', { name: a.fileName })}
                    onConfirm={() => remove.mutate(a.id, { onError: (e) => showError(e) })}
                  >
                    <Button type="link" danger icon={<DeleteOutlined />}>
                      {t('cases.files.delete')}
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
      <Card
        title={
          <Space>
            <FileWordOutlined />
            {t('cases.docs.title')}
          </Space>
        }
      >
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading === 'typical'}
            onClick={() => void download('typical', () => downloadTypicalCaseForm(record.id))}
          >
            {t('cases.docs.typicalCase')}
          </Button>
          <Typography.Text type="secondary">{t('cases.docs.typicalCaseHint')}</Typography.Text>
        </Space>
      </Card>
    </Space>
  );
}
