import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { useApprovalMutations, type ApprovalRequest, type ApprovalStatus } from './api';
import { DecisionModal } from './DecisionModal';

const STATUS_COLORS: Record<ApprovalStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(`approvals.status.${status}`)}</Tag>;
}

/** One request: what it asks, who asked, how it was decided, and the buttons the server allows. */
export function ApprovalItem({ request: r, showTitle = false }: { request: ApprovalRequest; showTitle?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { withdraw } = useApprovalMutations();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  return (
    <div className="rs-approval" data-status={r.status}>
      <Flex gap={8} align="center" wrap>
        <ApprovalStatusTag status={r.status} />
        <Typography.Text strong>{showTitle ? r.title : r.kindLabel}</Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '4px 0' }}>{r.description}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('approvals.requestedBy', { name: r.requestedByName, at: formatDateTime(r.requestedAt) })}
      </Typography.Text>
      {r.decidedAt && r.status !== 'withdrawn' && (
        <div>
          <Typography.Text type="secondary">
            {t('approvals.decidedBy', {
              name: r.decidedByName ?? '',
              at: formatDateTime(r.decidedAt),
              status: t(`approvals.status.${r.status}`),
            })}
            {r.decisionComment ? `：${r.decisionComment}` : ''}
          </Typography.Text>
        </div>
      )}
      {(r.can.decide || r.can.withdraw) && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {r.can.decide && (
            <>
              <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setDeciding('approve')}>
                {t('approvals.approve')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDeciding('reject')}>
                {t('approvals.reject')}
              </Button>
            </>
          )}
          {r.can.withdraw && (
            <Popconfirm
              title={t('approvals.withdrawConfirm')}
              onConfirm={() =>
                withdraw.mutate(
                  { id: r.id, version: r.version },
                  { onSuccess: () => void message.success(t('approvals.withdrawn')), onError: (e) => showError(e) },
                )
              }
            >
              <Button size="small" icon={<RollbackOutlined />} loading={withdraw.isPending}>
                {t('approvals.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      {deciding && <DecisionModal request={r} decision={deciding} onClose={() => setDeciding(null)} />}
    </div>
  );
}
