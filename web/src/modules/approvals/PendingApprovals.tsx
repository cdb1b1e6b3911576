import { Alert, Card, Collapse, Flex } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import type { ApprovalRequest } from './api';
import { ApprovalItem } from './ApprovalItem';

/**
 * The approval requests of a record, for its page: the pending ones first, with 批准 / 不予批准 for
 * whoever may decide (and 撤回 for the requester); the decided ones folded below. Nothing when none.
 * `pendingHint` says what stays as it is until approval (the case's due date, say); a generic line else.
 */
export function PendingApprovals({ requests, pendingHint }: { requests: ApprovalRequest[]; pendingHint?: string }) {
  const t = useT();
  if (requests.length === 0) return null;
  const pending = requests.filter((r) => r.status === 'pending');
  const decided = requests.filter((r) => r.status !== 'pending');
  return (
    <Card
      size="small"
      className="rs-pending-approvals"
      title={
        <Flex gap={8} align="center">
          <AuditOutlined />
          {t('approvals.cardTitle')}
        </Flex>
      }
    >
      {pending.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={pendingHint ?? t('approvals.pendingAlert')}
            style={{ marginBottom: 12 }}
          />
          <Flex vertical gap={12}>
            {pending.map((r) => (
              <ApprovalItem key={r.id} request={r} />
            ))}
          </Flex>
        </>
      )}
      {decided.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'history',
              label: `${t('approvals.history')}（${decided.length}）`,
              children: (
                <Flex vertical gap={12}>
                  {decided.map((r) => (
                    <ApprovalItem key={r.id} request={r} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
