import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { useAuthorityLabel } from '../../lib/records/authorities';
import { useTransfer } from './api';
import { TransferStatusTag } from './tags';
import { ReplyModal } from './TransferModals';

/** A handed-over lead: to whom, when, the answer so far and 登记答复 (the transfer behind the handover). */
export function LeadHandoverAlert({ transferId }: { transferId: string }) {
  const t = useT();
  const authority = useAuthorityLabel();
  const query = useTransfer(transferId);
  const [replying, setReplying] = useState(false);
  const x = query.data;
  if (!x) return null;
  const last = x.replies.at(-1);
  return (
    <>
      <Alert
        type={x.overdue ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <Space wrap size={4}>
            <span>
              {t('transfers.leadHandoverAlert', {
                date: formatDate(x.transferDate),
                receiver: `${x.receiverName}（${authority(x.receiverKind)}）`,
                status: t(`transfers.status.${x.status}`),
              })}
            </span>
            <TransferStatusTag status={x.status} overdue={x.overdue} />
          </Space>
        }
        description={
          last
            ? `${formatDate(last.replyDate)} ${t(`transfers.status.${last.outcome}`)}${last.reason ? `：${last.reason}` : ''}`
            : t('transfers.dueBy', { date: formatDate(x.replyDueDate) })
        }
        action={
          x.can.reply && (
            <Button size="small" onClick={() => setReplying(true)}>
              {t('transfers.reply')}
            </Button>
          )
        }
      />
      {replying && <ReplyModal transfer={x} onClose={() => setReplying(false)} />}
    </>
  );
}
