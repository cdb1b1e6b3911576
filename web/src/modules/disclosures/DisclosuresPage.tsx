import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { formatDate, formatDateTime } from '../../lib/format';
import { RecordTable } from '../../lib/records/RecordTable';
import { useShowError } from '../../lib/useShowError';
import { useDisclosureMutations, useDisclosures, useWarnings, type ConsumerWarning, type Disclosure } from './api';
import { DisclosureStatusTag } from './DisclosureStatusTag';
import { WarningFormModal } from './WarningFormModal';

/** 曝光与警示: the bureau's 典型案例曝光 (written from a case's page) and its 消费警示 / 警示公告. */
export function DisclosuresPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'warnings' ? 'warnings' : 'disclosures';
  return (
    <PageContainer
      title={t('menu.disclosures')}
      extra={
        <Link to="/public/disclosures" target="_blank">
          {t('disclosures.viewPublic')}
        </Link>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'warnings' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'disclosures', label: t('disclosures.tab'), children: <DisclosuresTab /> },
          { key: 'warnings', label: t('disclosures.warningsTab'), children: <WarningsTab /> },
        ]}
      />
    </PageContainer>
  );
}

function DisclosuresTab() {
  const t = useT();
  const navigate = useNavigate();
  const query = useDisclosures();
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('disclosures.intro')}</Typography.Text>
      <RecordTable<Disclosure>
        list="disclosures"
        rowKey={(d) => d.id}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        emptyText={t('disclosures.none')}
        onRowClick={(d) => void navigate(`/disclosures/${d.id}`)}
        card={(d) => ({
          link: `/disclosures/${d.id}`,
          title: d.title,
          status: <DisclosureStatusTag status={d.status} />,
          party: d.partyDisplayName,
          unit: d.unitName,
        })}
        columns={[
          {
            key: 'title',
            title: t('disclosures.titleField'),
            locked: true,
            width: 280,
            render: (_, d) => <Link to={`/disclosures/${d.id}`}>{d.title}</Link>,
          },
          {
            key: 'status',
            title: t('disclosures.statusField'),
            width: 100,
            render: (_, d) => <DisclosureStatusTag status={d.status} />,
          },
          { key: 'party', title: t('disclosures.party'), dataIndex: 'partyDisplayName', width: 180 },
          { key: 'category', title: t('disclosures.category'), dataIndex: 'categoryLabel', width: 140 },
          { key: 'case', title: t('disclosures.case'), dataIndex: 'caseNumber', width: 200 },
          { key: 'unit', title: t('disclosures.unit'), dataIndex: 'unitName', width: 180 },
          {
            key: 'publishedAt',
            title: t('disclosures.publishedAt'),
            width: 170,
            render: (_, d) => formatDateTime(d.publishedAt),
          },
        ]}
      />
    </Space>
  );
}

function WarningsTab() {
  const t = useT();
  const query = useWarnings();
  const { publishWarning, withdrawWarning } = useDisclosureMutations();
  const showError = useShowError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ record?: ConsumerWarning } | null>(null);
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const act = (m: typeof publishWarning, w: ConsumerWarning, ok: string) =>
    m.mutate(w, { onSuccess: () => void message.success(ok), onError: (e) => showError(e) });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('disclosures.warningsIntro')}</Typography.Text>
        {query.data?.canCreate && (
          <Button type="primary" onClick={() => setEditing({})}>
            {t('disclosures.warningNew')}
          </Button>
        )}
      </Space>
      <RecordTable<ConsumerWarning>
        list="consumer-warnings"
        rowKey={(w) => w.id}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        emptyText={t('disclosures.warningsNone')}
        card={(w) => ({
          link: '/disclosures?tab=warnings',
          title: w.title,
          status: <DisclosureStatusTag status={w.status} />,
          unit: w.unitName,
        })}
        columns={[
          { key: 'title', title: t('disclosures.titleField'), dataIndex: 'title', locked: true, width: 260 },
          { key: 'kind', title: t('disclosures.warningKind'), dataIndex: 'kindLabel', width: 110 },
          {
            key: 'status',
            title: t('disclosures.statusField'),
            width: 100,
            render: (_, w) => <DisclosureStatusTag status={w.status} />,
          },
          {
            key: 'issuedDate',
            title: t('disclosures.issuedDate'),
            width: 120,
            render: (_, w) => formatDate(w.issuedDate),
          },
          { key: 'unit', title: t('disclosures.unit'), dataIndex: 'unitName', width: 180 },
          {
            key: 'actions',
            title: t('disclosures.actions'),
            width: 200,
            render: (_, w) => (
              <Space size={4} wrap>
                {w.can.edit && (
                  <Button size="small" onClick={() => setEditing({ record: w })}>
                    {t('disclosures.edit')}
                  </Button>
                )}
                {w.can.publish && (
                  <Popconfirm
                    title={t('disclosures.publishConfirm')}
                    onConfirm={() => act(publishWarning, w, t('disclosures.publishedOk'))}
                  >
                    <Button size="small" type="primary">
                      {t('disclosures.publish')}
                    </Button>
                  </Popconfirm>
                )}
                {w.can.withdraw && (
                  <Popconfirm
                    title={t('disclosures.withdrawConfirm')}
                    onConfirm={() => act(withdrawWarning, w, t('disclosures.withdrawnOk'))}
                  >
                    <Button size="small" danger>
                      {t('disclosures.withdraw')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <WarningFormModal record={editing.record} onClose={() => setEditing(null)} />}
    </Space>
  );
}
