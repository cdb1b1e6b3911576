import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useCurrentUser } from '../auth/session';
import { permissions } from '../auth/permissions';
import { useMyApprovals, useMyRequests, type ApprovalRequest } from './api';
import { ApprovalItem } from './ApprovalItem';

/** One list of requests, each with its unit and, when its record exists, a link to it. */
function RequestList(props: {
  query: ReturnType<typeof useMyApprovals>;
  empty: string;
  title?: string;
  className?: string;
}) {
  const t = useT();
  const { query } = props;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card title={props.title} className={props.className} style={{ marginBottom: 16 }}>
      <List
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: <Empty description={props.empty} /> }}
        renderItem={(r: ApprovalRequest) => (
          <List.Item
            key={r.id}
            extra={
              <Flex vertical align="end" gap={4}>
                <Typography.Text type="secondary">{r.unitName}</Typography.Text>
                {/* A case asked to be filed has no page before approval: the request is its view. */}
                {r.link !== '/approvals' && (
                  <Link to={r.link}>
                    <Button size="small">{t('approvals.open')}</Button>
                  </Link>
                )}
              </Flex>
            }
          >
            <ApprovalItem request={r} showTitle />
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * 待我审批: every pending request the signed-in user may decide, each with its record; and the
 * user's own requests still waiting (a handler's 立案审批), which he may withdraw.
 */
export function ApprovalsPage() {
  const t = useT();
  const user = useCurrentUser();
  const mine = useMyApprovals();
  const requested = useMyRequests(user.id);
  const decides = permissions.decideApprovals(user);
  const showRequested = !decides || (requested.data?.items.length ?? 0) > 0;
  return (
    <PageContainer title={t(decides ? 'approvals.pageTitle' : 'approvals.mineTitle')}>
      {decides && <Typography.Paragraph type="secondary">{t('approvals.pageIntro')}</Typography.Paragraph>}
      {decides && <RequestList query={mine} empty={t('approvals.empty')} />}
      {showRequested && (
        <RequestList
          query={requested}
          empty={t('approvals.mineEmpty')}
          title={t('approvals.mineTitle')}
          className="rs-my-requests"
        />
      )}
    </PageContainer>
  );
}
