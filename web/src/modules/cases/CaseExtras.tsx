import { Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { AttachmentsCard } from '../../lib/AttachmentsCard';
import { useDownload } from '../../lib/useDownload';
import type { Case } from './api';
import {
  downloadAttachment,
  downloadTypicalCaseForm,
  useAttachmentMutations,
  useCaseAttachments,
} from './attachments-api';

/** 案卷材料 (the case's files) and 文书 (the typical-case form, annex 3), at the bottom of the case page. */
export function CaseExtras({ record }: { record: Case }) {
  const t = useT();
  const files = useCaseAttachments(record.id);
  const { upload, remove } = useAttachmentMutations(record.id);
  const { downloading, download } = useDownload();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <AttachmentsCard
        title={t('cases.files.title')}
        files={files.data}
        loading={files.isLoading}
        canEdit={record.can.edit}
        upload={{ run: upload.mutateAsync, pending: upload.isPending }}
        remove={(a) => remove.mutateAsync(a.id)}
        fetch={(a) => downloadAttachment(record.id, a)}
      />
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
