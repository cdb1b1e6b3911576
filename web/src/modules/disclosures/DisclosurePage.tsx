import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { formatDate, formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { useDisclosure, useDisclosureMutations } from './api';
import { DisclosureStatusTag } from './DisclosureStatusTag';
import { DisclosureTextModal } from './DisclosureTextModal';
import { WithdrawModal } from './WithdrawModal';

/**
 * One disclosure: the public text as it will read (or reads), its case, and what the user may do —
 * edit the draft, submit it to the 局领导, take a published one down.
 */
export function DisclosurePage() {
  const t = useT();
  const { id } = useParams();
  const query = useDisclosure(id);
  const { submit } = useDisclosureMutations();
  const showError = useShowError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  // The menu's 曝光与警示 is the crumb above (PageContainer): no crumb of its own.
  const crumbs = [{ key: 'disclosure', title: t('disclosures.title') }];
  if (query.isError)
    return (
      <PageContainer title={t('disclosures.title')} crumbs={crumbs}>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </PageContainer>
    );
  const d = query.data;
  if (!d)
    return (
      <PageContainer title={t('disclosures.title')} crumbs={crumbs}>
        <Skeleton active />
      </PageContainer>
    );
  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{d.title}</span>
          <DisclosureStatusTag status={d.status} />
        </Space>
      }
      crumbs={crumbs}
      extra={
        <Space wrap>
          {d.can.edit && <Button onClick={() => setEditing(true)}>{t('disclosures.edit')}</Button>}
          {d.can.submit && (
            <Popconfirm
              title={t('disclosures.submitConfirm')}
              onConfirm={() =>
                submit.mutate(d, {
                  onSuccess: () => void message.success(t('disclosures.submittedOk')),
                  onError: (e) => showError(e),
                })
              }
            >
              <Button type="primary" loading={submit.isPending}>
                {t('disclosures.submit')}
              </Button>
            </Popconfirm>
          )}
          {d.can.withdraw && (
            <Button danger onClick={() => setWithdrawing(true)}>
              {t('disclosures.withdraw')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {d.status === 'pending' && <Alert type="warning" showIcon title={t('disclosures.pendingHint')} />}
        {d.status === 'published' && (
          <Alert
            type="success"
            showIcon
            title={t('disclosures.publishedHint', { at: formatDateTime(d.publishedAt) })}
            action={<Link to="/public/disclosures">{t('disclosures.viewPublic')}</Link>}
          />
        )}
        {d.status === 'withdrawn' && (
          <Alert type="error" showIcon title={t('disclosures.withdrawnHint', { reason: d.withdrawReason ?? '' })} />
        )}
        <Card size="small" title={t('disclosures.publicText')} className="rs-disclosure-text">
          <Typography.Title level={5}>{d.title}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('disclosures.meta', {
              party: d.partyDisplayName,
              category: d.categoryLabel,
              date: formatDate(d.decisionDate),
              unit: d.unitName,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
        </Card>
        <Card size="small" title={t('disclosures.record')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('disclosures.case')}>
              <Link to={`/cases/${d.caseId}`}>
                {d.caseName}（{d.caseNumber}）
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosures.unit')}>{d.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('disclosures.createdBy')}>{d.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('disclosures.updatedAt')}>{formatDateTime(d.updatedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Flex>
      {editing && <DisclosureTextModal record={d} onClose={() => setEditing(false)} />}
      {withdrawing && <WithdrawModal record={d} onClose={() => setWithdrawing(false)} />}
    </PageContainer>
  );
}
