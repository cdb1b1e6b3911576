import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { LoadError } from '../../app/StatusPages';
import { useVisitFindings, type Finding } from './api';
import { FindingActions } from './FindingActions';
import { FindingFormModal } from './RectificationModals';
import { RectificationStatusTag } from './tags';

/**
 * 发现问题及整改 of one visit: each finding with its unit, 整改要求, 期限 (overdue marked), status and
 * the steps the user may take (报送整改情况 for the unit, 销号/退回 for the group); the group and the
 * organiser's office add findings here. Mounted on the visit's page.
 */
export function VisitFindingsCard({ visitId }: { visitId: string }) {
  const t = useT();
  const findings = useVisitFindings(visitId);
  const [adding, setAdding] = useState(false);
  const data = findings.data;

  const columns: TableColumnsType<Finding> = [
    {
      key: 'description',
      title: t('rectifications.description'),
      render: (_, f) => (
        <>
          <Link to={`/rectifications/${f.id}`}>{f.description}</Link>
          {f.unitId !== data?.visit.unitId && <Typography.Text type="secondary"> （{f.unitName}）</Typography.Text>}
        </>
      ),
    },
    {
      key: 'requirement',
      title: t('rectifications.requirement'),
      dataIndex: 'requirement',
      width: 240,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'deadline',
      title: t('rectifications.deadline'),
      dataIndex: 'deadline',
      width: 120,
      render: (d: string | null, f) =>
        d ? <Typography.Text type={f.overdue ? 'danger' : undefined}>{formatDate(d)}</Typography.Text> : '—',
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 150,
      render: (_, f) => <RectificationStatusTag status={f.status} overdue={f.overdue} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 230,
      render: (_, f) => <FindingActions finding={f} units={data?.units} size="small" />,
    },
  ];

  return (
    <Card
      title={t('rectifications.visitCardTitle')}
      className="rs-visit-findings"
      extra={
        data?.canRecord && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('rectifications.addFinding')}
          </Button>
        )
      }
    >
      {findings.isError && !data ? (
        <LoadError error={findings.error} onRetry={() => void findings.refetch()} />
      ) : (
        <Table<Finding>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items}
          loading={findings.isFetching}
          pagination={false}
          locale={{ emptyText: t('rectifications.noFindings') }}
          scroll={{ x: 900 }}
        />
      )}
      {adding && data && (
        <FindingFormModal
          visitId={visitId}
          units={data.units}
          defaultUnitId={data.visit.unitId}
          onClose={() => setAdding(false)}
        />
      )}
    </Card>
  );
}
