import { Button, Card, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { useDownload } from '../../lib/useDownload';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useCurrentUser } from '../auth/session';
import { CASES_KEY, useCases, type CaseStage, type CaseLedgerRow } from './api';
import { formatYuan } from './case-form';
import { CaseFilterBar } from './CaseFilterBar';
import { opensCaseForm } from './case-permissions';
import { DEFAULT_CASE_SORT, ledgerSearch, parseLedgerView, toCaseListQuery, type CaseSort } from './ledger';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import { CaseStageTag, DueDate } from './tags';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { RecordListActions } from '../../lib/records/RecordListActions';
import { todayIso } from '../../lib/records/today';

/** The header row of the ledger import (docs/import.md). */
const CASE_IMPORT_HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';

/**
 * 案件台账: the cases of the user's unit and the units below, filtered and paged by the server. The
 * view (filters, page) is in the address, so a link reproduces it.
 */
export function CasesPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { view, setView } = useListView(parseLedgerView, ledgerSearch);
  // The header's current unit unless the address names one (a shared link keeps its unit).
  const unitId = useListUnit(view.unitId);
  const cases = useCases(toCaseListQuery({ ...view, unitId }));
  const today = todayIso();
  const dueOf = (d: string | null, c: CaseLedgerRow) =>
    d ? (
      <DueDate due={d} today={today} />
    ) : (
      <Typography.Text type="secondary">
        {c.decisionDate ? t('cases.decidedOn', { date: c.decisionDate }) : '—'}
      </Typography.Text>
    );
  const { downloading, download } = useDownload();
  /** The whole filtered ledger as .xlsx (the server applies the same filters, without paging). */
  const exportLedger = () =>
    download('ledger', async () => {
      const { page: _page, pageSize: _size, sort: _sort, ...query } = toCaseListQuery({ ...view, unitId });
      return saveDownload(await api.GET('/api/cases.xlsx', { params: { query }, parseAs: 'blob' }), 'cases.xlsx');
    });

  // Key columns (locked) fit 1440 px without scrolling; the rest wait behind the column chooser.
  const columns: RecordColumn<CaseLedgerRow, CaseSort>[] = [
    {
      key: 'caseNumber',
      title: t('cases.caseNumber'),
      dataIndex: 'caseNumber',
      width: 210,
      locked: true,
      ellipsis: true,
      render: (v: string, c) => (
        <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { key: 'name', title: t('cases.name'), dataIndex: 'name', width: 186, ellipsis: true, locked: true },
    { key: 'party', title: t('cases.party'), dataIndex: 'partyName', width: 140, ellipsis: true },
    {
      key: 'stage',
      title: t('cases.stage'),
      dataIndex: 'stage',
      width: 92,
      locked: true,
      render: (s: CaseStage) => <CaseStageTag stage={s} />,
    },
    {
      key: 'category',
      title: t('cases.category'),
      dataIndex: 'categoryLabel',
      width: 116,
      ellipsis: true,
      locked: true,
    },
    {
      key: 'filingDate',
      title: t('cases.filingDate'),
      dataIndex: 'filingDate',
      width: 108,
      locked: true,
      sort: { ascend: 'filingDate.asc', descend: 'filingDate.desc' },
      render: (d: string) => formatDate(d),
    },
    {
      key: 'due',
      title: t('cases.decisionDue'),
      dataIndex: 'decisionDueDate',
      width: 150,
      locked: true,
      sort: { ascend: 'decisionDueDate.asc' },
      render: (d: string | null, c) => dueOf(d, c),
    },
    { key: 'unit', title: t('cases.unit'), dataIndex: 'unitName', width: 112, ellipsis: true, locked: true },
    {
      key: 'campaign',
      title: t('cases.campaign'),
      dataIndex: 'campaignName',
      width: 200,
      ellipsis: true,
      defaultHidden: true,
    },
    {
      key: 'fines',
      title: t('cases.finesAndConfiscationsYuan'),
      dataIndex: 'finesAndConfiscations',
      width: 130,
      align: 'right',
      defaultHidden: true,
      render: (v: string) => <span className="rs-money">{formatYuan(v)}</span>,
    },
  ];

  return (
    <PageContainer
      title={t('cases.title')}
      extra={
        <RecordListActions
          before={
            <Button icon={<DownloadOutlined />} loading={downloading === 'ledger'} onClick={() => void exportLedger()}>
              {t('cases.exportXlsx')}
            </Button>
          }
          canRecord={opensCaseForm(user)}
          importing={{
            label: t('cases.import'),
            title: t('cases.importTitle'),
            campaignId: view.campaignId,
            path: (id) => `/api/campaigns/${id}/cases/import`,
            columns: CASE_IMPORT_HEADER,
            needsCampaign: t('cases.importNeedsCampaign'),
            refresh: CASES_KEY,
          }}
          create={{ label: t('cases.create'), to: '/cases/new' }}
        />
      }
    >
      <Card>
        <CaseFilterBar view={view} listUnitId={unitId} onChange={setView} />
        {cases.isError && !cases.data ? (
          <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <RecordTable<CaseLedgerRow, CaseSort>
            list="cases"
            rowKey={(c) => c.id}
            className="rs-case-ledger"
            columns={columns}
            dataSource={cases.data?.items}
            loading={cases.isFetching}
            emptyText={t('cases.empty')}
            rowClassName={(c) => (c.overdue ? 'rs-row-clickable rs-row-overdue' : 'rs-row-clickable')}
            onRowClick={(c) => navigate(`/cases/${c.id}`)}
            pagination={listPagination(view, setView, t, cases.data)}
            sort={view.sort}
            defaultSort={DEFAULT_CASE_SORT}
            onSort={(sort) => setView({ ...view, sort, page: 1 })}
            card={(c) => ({
              link: `/cases/${c.id}`,
              number: c.caseNumber,
              title: c.name,
              status: <CaseStageTag stage={c.stage} />,
              party: c.partyName,
              due: dueOf(c.decisionDueDate, c),
              unit: c.unitName,
            })}
          />
        )}
      </Card>
    </PageContainer>
  );
}
