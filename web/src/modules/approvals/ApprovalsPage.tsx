import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useMyApprovals } from './api';
import { ApprovalItem } from './ApprovalItem';

/** 待我审批: every pending request the signed-in user may decide, each with its record. */
export function ApprovalsPage() {
  const t = useT();
  const mine = useMyApprovals();
  return (
    <PageContainer title={t('approvals.pageTitle')}>
      <Typography.Paragraph type="secondary">{t('approvals.pageIntro')}</Typography.Paragraph>
      {mine.isError ? (
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <Card>
          <List
            loading={mine.isLoading}
            dataSource={mine.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('approvals.empty')} /> }}
            renderItem={(r) => (
              <List.Item
                key={r.id}
                extra={
                  <Flex vertical align="end" gap={4}>
                    <Typography.Text type="secondary">{r.unitName}</Typography.Text>
                    <Link to={r.link}>
                      <Button size="small">{t('approvals.open')}</Button>
                    </Link>
                  </Flex>
                }
              >
                <ApprovalItem request={r} showTitle />
              </List.Item>
            )}
          />
        </Card>
      )}
    </PageContainer>
  );
}
