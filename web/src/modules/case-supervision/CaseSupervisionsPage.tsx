import { Button, Card, Flex, Select, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { api } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { useDownload } from '../../lib/useDownload';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { SUPERVISION_STATUSES, useCaseSupervisions, type CaseSupervisionListItem } from './api';
import { parseSupervisionView, supervisionSearch, toSupervisionQuery } from './ledger-view';
import { SupervisionTags } from './tags';

/** 督办件台账: the 督办件 in the user's scope, filtered in the address, with overdue tags and the .xlsx. */
export function CaseSupervisionsPage() {
  const t = useT();
  const { view, setView, change } = useListView(parseSupervisionView, supervisionSearch);
  const unitId = useListUnit(view.unitId);
  const query = toSupervisionQuery({ ...view, unitId });
  const list = useCaseSupervisions({ ...query, page: view.page, pageSize: view.pageSize });
  const { downloading, download } = useDownload();
  const exportLedger = () =>
    download('ledger', async () =>
      saveDownload(
        await api.GET('/api/case-supervisions.xlsx', { params: { query }, parseAs: 'blob' }),
        '督办件台账.xlsx',
      ),
    );
  const columns: TableColumnsType<CaseSupervisionListItem> = [
    {
      key: 'case',
      title: t('caseSupervision.case'),
      render: (_, s) => (
        <Link to={`/cases/${s.caseId}`}>
          {s.caseName}（{s.caseNumber}）
        </Link>
      ),
    },
    { key: 'unit', title: t('caseSupervision.caseUnit'), dataIndex: 'unitName' },
    { key: 'supervisor', title: t('caseSupervision.supervisingUnit'), dataIndex: 'supervisingUnitName' },
    {
      key: 'level',
      title: t('caseSupervision.level'),
      render: (_, s) => (s.level ? t(`caseSupervision.level.${s.level}`) : '—'),
    },
    { key: 'start', title: t('caseSupervision.startDate'), render: (_, s) => s.startDate ?? '—' },
    { key: 'deadline', title: t('caseSupervision.deadline'), render: (_, s) => s.deadline ?? '—' },
    {
      key: 'latest',
      title: t('caseSupervision.latest'),
      ellipsis: true,
      render: (_, s) => (s.latestProgress ? `${s.latestProgressDate}：${s.latestProgress}` : '—'),
    },
    { key: 'status', title: t('caseSupervision.status'), width: 200, render: (_, s) => <SupervisionTags s={s} /> },
  ];
  return (
    <PageContainer
      title={t('caseSupervision.ledger')}
      extra={
        <Button icon={<DownloadOutlined />} loading={downloading === 'ledger'} onClick={() => void exportLedger()}>
          {t('caseSupervision.export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('caseSupervision.ledgerIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <CampaignSelect
            value={view.campaignId}
            onChange={(v) => change({ campaignId: v ?? undefined })}
            style={{ width: 260 }}
          />
          <UnitTreeSelect
            value={view.unitId}
            onChange={(v) => change({ unitId: v ?? undefined })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('caseSupervision.status')}
            value={view.status}
            onChange={(v) => change({ status: v ?? undefined })}
            style={{ width: 140 }}
            options={SUPERVISION_STATUSES.map((s) => ({ value: s, label: t(`caseSupervision.status.${s}`) }))}
          />
          <Flex gap={6} align="center">
            <Switch
              checked={view.overdue}
              onChange={(overdue) => change({ overdue })}
              aria-label={t('caseSupervision.overdueOnly')}
            />
            {t('caseSupervision.overdueOnly')}
          </Flex>
        </Flex>
      </Card>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={listPagination(view, setView, t, list.data)}
        />
      )}
    </PageContainer>
  );
}
