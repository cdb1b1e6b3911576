import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { permissions } from '../auth/permissions';
import { useCurrentUser } from '../auth/session';
import { CAMPAIGN_STATUSES, useCampaigns, type CampaignStatus, type CampaignSummary } from './api';
import { CampaignStatusTag } from './CampaignStatusTag';
import { FromTemplateModal } from './FromTemplateModal';
import { dateRange } from './plan-text';
import { campaignsSearch, parseCampaignsView, toCampaignListQuery } from './list-view';
import { listPagination, useListView } from '../../lib/records/list-view';

/**
 * 专项行动: the plans the user's unit issued and those of the bureaus above it that the unit takes
 * part in (the API decides), filtered by status and by name or 文号.
 */
export function CampaignsPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { view, setView, change } = useListView(parseCampaignsView, campaignsSearch);
  const [fromTemplate, setFromTemplate] = useState(false);
  const campaigns = useCampaigns(toCampaignListQuery(view));
  const canPlan = permissions.planCampaigns(user);

  const columns: TableColumnsType<CampaignSummary> = [
    {
      key: 'name',
      title: t('campaigns.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space size={4} wrap>
          <Link to={`/campaigns/${c.id}`}>{name}</Link>
          {c.parentCampaignId && <Tag color="purple">{t('campaigns.implementationTag')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'docNumber',
      title: t('campaigns.docNumber'),
      dataIndex: 'docNumber',
      width: 200,
      render: (v: string | null) => v ?? '—',
    },
    { key: 'unit', title: t('campaigns.issuingUnit'), dataIndex: 'unitName', width: 220 },
    {
      key: 'window',
      title: t('campaigns.window'),
      width: 220,
      render: (_: unknown, c) => dateRange(c.startDate, c.endDate),
    },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: CampaignStatus, c) => <CampaignStatusTag status={s} ended={c.ended} />,
    },
  ];

  return (
    <PageContainer
      title={t('campaigns.title')}
      extra={
        canPlan && (
          <>
            <Button icon={<FileAddOutlined />} onClick={() => setFromTemplate(true)}>
              {t('campaigns.fromTemplate')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/campaigns/new')}>
              {t('campaigns.create')}
            </Button>
          </>
        )
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('common.status')}</Typography.Text>
          <Select<CampaignStatus | 'all'>
            style={{ width: 160 }}
            value={view.status ?? 'all'}
            aria-label={t('common.status')}
            onChange={(v) => change({ status: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('common.all') },
              ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaignStatus.${s}`) })),
            ]}
          />
          <Input.Search
            key={view.q ?? ''}
            allowClear
            defaultValue={view.q}
            style={{ width: 320 }}
            placeholder={t('campaigns.searchPlaceholder')}
            maxLength={50}
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
        </Flex>
        {campaigns.isError && !campaigns.data ? (
          <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : (
          <Table<CampaignSummary>
            rowKey="id"
            columns={columns}
            dataSource={campaigns.data?.items}
            loading={campaigns.isFetching}
            rowClassName={(c) => (c.status === 'archived' ? 'rs-row-archived' : '')}
            locale={{ emptyText: t('campaigns.empty') }}
            pagination={listPagination(view, setView, t, campaigns.data)}
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
      {fromTemplate && <FromTemplateModal onClose={() => setFromTemplate(false)} />}
    </PageContainer>
  );
}
