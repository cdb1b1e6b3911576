import { Flex, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { useAuthorityLabel } from '../../lib/records/authorities';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import type { RecordTableProps } from '../../lib/records/RecordTable';
import type { JointOperationSummary } from './api';

/** The records of a list or of a campaign's tab: date, kind, title, unit, departments and the figures. */
export function JointOperationTable({
  items,
  loading,
  pagination,
  showCampaign = true,
}: {
  items?: JointOperationSummary[];
  loading: boolean;
  pagination: RecordTableProps<JointOperationSummary, string>['pagination'];
  showCampaign?: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const authority = useAuthorityLabel();
  const number = (n: number, r: JointOperationSummary) =>
    r.kind === 'joint_action' ? <span className="rs-money">{n}</span> : <span className="rs-secondary">—</span>;
  const departments = (r: JointOperationSummary) => r.departments.map(authority).join('、');
  const columns: RecordColumn<JointOperationSummary>[] = [
    {
      key: 'date',
      title: t('jointOps.startDate'),
      dataIndex: 'startDate',
      width: 120,
      locked: true,
      render: (d: string, r) => (
        <Link to={`/joint-operations/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {formatDate(d)}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('jointOps.title'),
      width: 260,
      locked: true,
      ellipsis: true,
      render: (_: unknown, r) => (
        <Flex gap={6} align="center">
          <Tag color={r.kind === 'joint_action' ? 'red' : 'blue'}>{t(`jointOps.kind.${r.kind}`)}</Tag>
          <span>{r.title}</span>
        </Flex>
      ),
    },
    { key: 'unit', title: t('jointOps.unit'), dataIndex: 'unitName', width: 150, ellipsis: true, locked: true },
    {
      key: 'departments',
      title: t('jointOps.departments'),
      width: 220,
      ellipsis: true,
      locked: true,
      render: (_: unknown, r) => departments(r),
    },
    ...(showCampaign
      ? [
          {
            key: 'campaign',
            title: t('jointOps.campaign'),
            dataIndex: 'campaignName',
            width: 220,
            ellipsis: true,
            defaultHidden: true,
          },
        ]
      : []),
    {
      key: 'staff',
      title: t('jointOps.staffDeployed'),
      dataIndex: 'staffDeployed',
      width: 100,
      align: 'right',
      render: number,
    },
    {
      key: 'entities',
      title: t('jointOps.entitiesInspected'),
      dataIndex: 'entitiesInspected',
      width: 110,
      align: 'right',
      render: number,
    },
    {
      key: 'cases',
      title: t('jointOps.casesFiled'),
      dataIndex: 'casesFiled',
      width: 80,
      align: 'right',
      defaultHidden: true,
      render: number,
    },
  ];
  return (
    <RecordTable<JointOperationSummary>
      list="joint-operations"
      rowKey={(r) => r.id}
      className="rs-joint-operation-list"
      columns={columns}
      dataSource={items}
      loading={loading}
      emptyText={t('jointOps.empty')}
      rowClassName={() => 'rs-row-clickable'}
      onRowClick={(r) => navigate(`/joint-operations/${r.id}`)}
      pagination={pagination}
      card={(r) => ({
        link: `/joint-operations/${r.id}`,
        number: formatDate(r.startDate),
        title: r.title,
        status: <Tag>{t(`jointOps.kind.${r.kind}`)}</Tag>,
        party: departments(r),
        unit: r.unitName,
      })}
    />
  );
}
