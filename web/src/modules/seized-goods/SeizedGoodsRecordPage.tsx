import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { AuditOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useSeizedGoods, type SeizedGoodsDisposal } from './api';
import { DisposeModal } from './DisposeModal';
import { SeizedGoodsFormModal } from './SeizedGoodsFormModal';
import { SeizedGoodsPhotos } from './SeizedGoodsPhotos';
import { CustodyStatusTag } from './tags';

/** One custody record: the goods and where they are kept, its disposals with their photos, its own photos. */
export function SeizedGoodsRecordPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useSeizedGoods(id);
  const [editing, setEditing] = useState(false);
  const [disposing, setDisposing] = useState(false);

  if (!query.data) return <RecordPageStatus kind="seizedGoods" {...queryStatus(query)} />;

  const r = query.data;
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const amount = (q: string) => `${q} ${r.quantityUnit}`;
  const disposalColumns = [
    { key: 'date', title: t('seized.disposalDate'), dataIndex: 'disposalDate', width: 110, render: formatDate },
    {
      key: 'kind',
      title: t('seized.disposalKind'),
      width: 80,
      render: (_: unknown, d: SeizedGoodsDisposal) => <Tag>{t(`seized.disposal.${d.kind}`)}</Tag>,
    },
    { key: 'quantity', title: t('seized.disposalQuantity'), dataIndex: 'quantity', width: 120, render: amount },
    { key: 'method', title: t('seized.method'), dataIndex: 'method', render: (v: string | null) => v ?? '' },
    {
      key: 'witnesses',
      title: t('seized.witnesses'),
      dataIndex: 'witnesses',
      render: (w: string[]) => w.join('、'),
    },
    {
      key: 'recipient',
      title: t('seized.recipient'),
      render: (_: unknown, d: SeizedGoodsDisposal) => [d.recipient, d.basis].filter(Boolean).join('；'),
    },
    { key: 'by', title: t('seized.recordedBy'), dataIndex: 'createdByName', width: 90 },
  ];

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{`${r.goods} ${amount(r.quantity)}`}</span>
          <CustodyStatusTag status={r.status} />
        </Space>
      }
      crumbs={[{ key: 'record', title: r.goods }]}
      extra={
        <Space wrap>
          {r.can.dispose && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setDisposing(true)}>
              {t('seized.dispose')}
            </Button>
          )}
          {r.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('seized.sectionCustody')} size="small">
          <Descriptions
            column={{ xs: 1, md: 3 }}
            size="small"
            items={[
              { key: 'measure', label: t('seized.measure'), children: t(`seized.measure.${r.measure}`) },
              { key: 'quantity', label: t('seized.quantity'), children: amount(r.quantity) },
              { key: 'held', label: t('seized.held'), children: amount(r.heldQuantity) },
              { key: 'confiscated', label: t('seized.confiscated'), children: amount(r.confiscatedQuantity) },
              { key: 'disposed', label: t('seized.disposed'), children: amount(r.disposedQuantity) },
              { key: 'date', label: t('seized.seizedDate'), children: formatDate(r.seizedDate) },
              { key: 'place', label: t('seized.place'), children: r.place },
              { key: 'custodian', label: t('seized.custodian'), children: r.custodianName },
              { key: 'unit', label: t('seized.unit'), children: r.unitName },
              { key: 'description', label: t('seized.description'), children: r.description ?? none },
              { key: 'owner', label: t('seized.owner'), children: r.entityName ?? r.ownerName ?? none },
              {
                key: 'source',
                label: t('seized.source'),
                children: (
                  <Space size={8} wrap>
                    {r.inspectionId && (
                      <Link to={`/inspections/${r.inspectionId}`}>
                        {t('seized.sourceOuting', { date: formatDate(r.inspectionDate) })}
                      </Link>
                    )}
                    {r.caseId && <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>}
                    {!r.inspectionId && !r.caseId && none}
                  </Space>
                ),
              },
              {
                key: 'campaign',
                label: t('seized.campaign'),
                children: `${r.campaignName} · ${r.categoryLabel}`,
                span: 2,
              },
              { key: 'note', label: t('seized.note'), children: r.note ?? none, span: 3 },
            ]}
          />
        </Card>
        <Card title={t('seized.sectionDisposals')} size="small">
          <Table<SeizedGoodsDisposal>
            rowKey={(d) => d.id}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={disposalColumns}
            dataSource={r.disposals}
            locale={{ emptyText: t('seized.noDisposals') }}
            expandable={{
              rowExpandable: () => true,
              expandedRowRender: (d) => (
                <SeizedGoodsPhotos recordId={r.id} files={r.attachments} disposalId={d.id} canAdd={r.can.attach} />
              ),
            }}
          />
        </Card>
        <SeizedGoodsPhotos
          recordId={r.id}
          files={r.attachments}
          canAdd={r.can.attach}
          title={t('seized.sectionPhotos')}
        />
        <Typography.Text type="secondary">
          {t('seized.recordedAt', { at: formatDateTime(r.createdAt) })}
        </Typography.Text>
      </Space>
      {editing && <SeizedGoodsFormModal record={r} onClose={() => setEditing(false)} />}
      {disposing && <DisposeModal record={r} onClose={() => setDisposing(false)} />}
    </PageContainer>
  );
}
