import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, List, Space, Typography } from 'antd';
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { useAuthorityLabel } from '../../lib/records/authorities';
import { useDownload } from '../../lib/useDownload';
import { downloadTransferDocument, useCaseTransfers, type Transfer } from './api';
import { TransferStatusTag } from './tags';
import { ReplyModal, TransferModal } from './TransferModals';

/** 移送 on the case page: the 涉刑不移 alert, the transfers with their answers, 移送 and 登记答复. */
export function TransfersCard({ caseId }: { caseId: string }) {
  const t = useT();
  const query = useCaseTransfers(caseId);
  const authority = useAuthorityLabel();
  const { downloading, download } = useDownload();
  const [transferring, setTransferring] = useState(false);
  const [replying, setReplying] = useState<Transfer | null>(null);
  const data = query.data;

  return (
    <Card
      className="rs-case-transfers"
      title={t('transfers.card')}
      size="small"
      loading={query.isLoading}
      extra={
        data?.can.transfer && (
          <Button size="small" icon={<SendOutlined />} onClick={() => setTransferring(true)}>
            {t('transfers.transfer')}
          </Button>
        )
      }
    >
      {data?.guard?.flagged && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('transfers.guardTitle', { amount: data.guard.amountInvolved, min: data.guard.minAmount })}
          description={t('transfers.guardSource', { description: data.guard.description, source: data.guard.source })}
        />
      )}
      {data && data.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfers.none')} />
      )}
      {data && data.items.length > 0 && (
        <List
          dataSource={data.items}
          renderItem={(x) => (
            <List.Item key={x.id}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{x.receiverName}</Typography.Text>
                  <Typography.Text type="secondary">{authority(x.receiverKind)}</Typography.Text>
                  <TransferStatusTag status={x.status} overdue={x.overdue} />
                </Space>
                <Typography.Text type="secondary">
                  {formatDate(x.transferDate)}
                  {x.documentNumber ? ` · ${x.documentNumber}` : ''} ·{' '}
                  {t('transfers.dueBy', { date: formatDate(x.replyDueDate) })}
                </Typography.Text>
                {x.replies.map((r) => (
                  <Typography.Text key={r.id}>
                    {formatDate(r.replyDate)} {t(`transfers.status.${r.outcome}`)}
                    {r.reason ? `：${r.reason}` : ''}
                  </Typography.Text>
                ))}
                <Space size={4}>
                  {x.can.reply && (
                    <Button size="small" onClick={() => setReplying(x)}>
                      {t('transfers.reply')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={downloading === x.id}
                    onClick={() => void download(x.id, () => downloadTransferDocument(x.id))}
                  >
                    {t('transfers.document')}
                  </Button>
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {transferring && <TransferModal caseId={caseId} onClose={() => setTransferring(false)} />}
      {replying && <ReplyModal transfer={replying} onClose={() => setReplying(null)} />}
    </Card>
  );
}
