import { Flex, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect } from '../../lib/records/pickers';
import { useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { useTalentPool, type TalentPoolItem } from './api';

interface View {
  campaignId?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}
const parse = (s: URLSearchParams): View => ({
  campaignId: s.get('campaignId') ?? undefined,
  unitId: s.get('unitId') ?? undefined,
  page: 1,
  pageSize: 1000,
});
const write = (v: View) => {
  const s = new URLSearchParams();
  if (v.campaignId) s.set('campaignId', v.campaignId);
  if (v.unitId) s.set('unitId', v.unitId);
  return s;
};

/** 执法人才库 (seed 004): the people commended as 办案能手 or flagged, across the plans in scope. */
export function TalentPoolPage() {
  const t = useT();
  const { view, change } = useListView(parse, write, { replace: true });
  const unitId = useListUnit(view.unitId);
  const pool = useTalentPool({ campaignId: view.campaignId, unitId });
  const columns: TableColumnsType<TalentPoolItem> = [
    { key: 'person', title: t('recognition.person'), dataIndex: 'personLabel', width: 120 },
    { key: 'unit', title: t('recognition.unit'), dataIndex: 'unitName', width: 180 },
    { key: 'kind', title: t('recognition.kind'), dataIndex: 'kindLabel', width: 110 },
    { key: 'reason', title: t('recognition.reason'), dataIndex: 'reason', ellipsis: true },
    {
      key: 'campaign',
      title: t('recognition.campaign'),
      render: (_, r) => <Link to={`/campaigns/${r.campaignId}?tab=recognition`}>{r.campaignName}</Link>,
    },
    { key: 'documentNumber', title: t('recognition.documentNumber'), dataIndex: 'documentNumber', width: 160 },
    { key: 'decidedOn', title: t('recognition.decidedOn'), dataIndex: 'decidedOn', width: 110 },
  ];
  return (
    <PageContainer title={t('recognition.talentPoolTitle')}>
      <Flex vertical gap={12}>
        <Flex gap={8}>
          <CampaignSelect
            value={view.campaignId}
            onChange={(v) => change({ campaignId: v ?? undefined })}
            placeholder={t('recognition.campaign')}
            style={{ width: 320 }}
          />
        </Flex>
        {pool.isError ? (
          <LoadError error={pool.error} onRetry={() => void pool.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={pool.isFetching}
            dataSource={pool.data?.items ?? []}
            columns={columns}
            pagination={false}
            locale={{ emptyText: t('recognition.emptyPool') }}
          />
        )}
      </Flex>
    </PageContainer>
  );
}
