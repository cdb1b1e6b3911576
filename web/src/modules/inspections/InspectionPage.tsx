import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { BulbOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useInspection, useInspectorNames, type Inspection } from './api';
import { INSPECTION_TYPE_KEYS, placeLabel, seizureUnitLabel } from './labels';
import { OutingEntitiesCard } from '../market-entities/OutingEntitiesCard';
import { OpenLeadModal } from './OpenLeadModal';
import { InspectionPhotosCard } from './InspectionPhotos';
import { OutingRectificationsCard } from '../rectifications/OutingRectificationsCard';

type Seizure = Inspection['seizures'][number];

/** One outing: every figure, the seized goods, the inspectors, and the lead its findings opened. */
export function InspectionPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const query = useInspection(id);
  const names = useInspectorNames(query.data?.unitId);
  const [openingLead, setOpeningLead] = useState(false);

  if (!query.data) return <RecordPageStatus kind="inspections" {...queryStatus(query)} />;

  const i = query.data;
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const count = (n: number, unit: Parameters<typeof t>[0]) => t(unit, { count: n });
  const seizureColumns = [
    { key: 'goods', title: t('inspections.goods'), dataIndex: 'goods' },
    {
      key: 'quantity',
      title: t('inspections.quantity'),
      dataIndex: 'quantity',
      align: 'right' as const,
      render: (q: string) => <span className="rs-money">{q}</span>,
    },
    {
      key: 'unit',
      title: t('inspections.seizureUnit'),
      dataIndex: 'unit',
      render: (u: string) => seizureUnitLabel(t, u),
    },
  ];

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{t('inspections.recordTitle', { date: formatDate(i.inspectionDate), unit: i.unitName })}</span>
          {i.leadId && <Tag color="blue">{t('inspections.leadOpenedTag')}</Tag>}
        </Space>
      }
      crumbs={[{ key: 'record', title: `${formatDate(i.inspectionDate)} ${i.unitName}` }]}
      extra={
        <>
          {i.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/inspections/${i.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
          {!i.leadId && (
            <Tooltip title={i.can.openLead ? undefined : t('inspections.openLeadNotAllowed')}>
              <Button
                type="primary"
                icon={<BulbOutlined />}
                disabled={!i.can.openLead}
                onClick={() => setOpeningLead(true)}
              >
                {t('inspections.openLead')}
              </Button>
            </Tooltip>
          )}
        </>
      }
    >
      {i.leadId && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('inspections.leadOpenedAlert')} <Link to={`/leads/${i.leadId}`}>{t('inspections.openLeadLink')}</Link>
            </span>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('inspections.sectionBasics')} size="small">
              <Descriptions
                column={{ xs: 1, md: 2 }}
                size="small"
                items={[
                  { key: 'date', label: t('inspections.date'), children: formatDate(i.inspectionDate) },
                  { key: 'unit', label: t('inspections.unit'), children: i.unitName },
                  {
                    key: 'campaign',
                    label: t('inspections.campaign'),
                    children: <Link to={`/campaigns/${i.campaignId}`}>{i.campaignName}</Link>,
                  },
                  { key: 'category', label: t('inspections.category'), children: i.categoryLabel },
                  {
                    key: 'type',
                    label: t('inspections.inspectionType'),
                    children: t(INSPECTION_TYPE_KEYS[i.inspectionType]),
                  },
                ]}
              />
            </Card>
            <OutingEntitiesCard entities={i.entities} />
            <Card title={t('inspections.sectionOuting')} size="small">
              <Descriptions
                column={{ xs: 1, md: 3 }}
                size="small"
                items={[
                  {
                    key: 'staff',
                    label: t('inspections.staffDeployed'),
                    children: count(i.staffDeployed, 'inspections.personTimes'),
                  },
                  {
                    key: 'vehicles',
                    label: t('inspections.vehicles'),
                    children: count(i.vehicles, 'inspections.vehicleTimes'),
                  },
                  {
                    key: 'entities',
                    label: t('inspections.entitiesInspected'),
                    children: count(i.entitiesInspected, 'inspections.entityTimes'),
                  },
                  {
                    key: 'places',
                    label: t('inspections.places'),
                    span: 'filled',
                    children: i.places.length ? i.places.map((p) => <Tag key={p}>{placeLabel(t, p)}</Tag>) : none,
                  },
                  { key: 'focus', label: t('inspections.focusArea'), children: i.focusArea ?? none },
                  {
                    key: 'unlicensed',
                    label: t('inspections.unlicensedBanned'),
                    children: count(i.unlicensedBanned, 'inspections.households'),
                  },
                  {
                    key: 'orders',
                    label: t('inspections.rectificationOrders'),
                    children: count(i.rectificationOrders, 'inspections.copies'),
                  },
                ]}
              />
            </Card>
            <Card title={t('inspections.sectionTests')} size="small">
              <Descriptions
                column={{ xs: 1, md: 2 }}
                size="small"
                items={[
                  {
                    key: 'rapid',
                    label: t('inspections.rapidTest'),
                    children: t('inspections.testSummary', {
                      batches: i.rapidTestBatches,
                      items: i.rapidTestItems,
                      failed: i.rapidTestFailed,
                      passed: i.rapidTestPassed,
                    }),
                  },
                  {
                    key: 'sampling',
                    label: t('inspections.sampling'),
                    children: t('inspections.testSummary', {
                      batches: i.samplingBatches,
                      items: i.samplingItems,
                      failed: i.samplingFailed,
                      passed: i.samplingPassed,
                    }),
                  },
                ]}
              />
            </Card>
            <Card
              title={t('inspections.sectionSeizures')}
              size="small"
              extra={
                i.seizures.length > 0 && (
                  <Link to={`/seized-goods?register=${i.id}`}>{t('seized.registerFromOuting')}</Link>
                )
              }
            >
              <Table<Seizure>
                rowKey={(_, index) => String(index)}
                size="small"
                pagination={false}
                columns={seizureColumns}
                dataSource={i.seizures}
                locale={{ emptyText: t('inspections.noSeizures') }}
              />
            </Card>
            <Card title={t('inspections.sectionFindings')} size="small">
              {i.findings ? (
                <div className="rs-pre">{i.findings}</div>
              ) : (
                <Typography.Text type="secondary">{t('inspections.noFindings')}</Typography.Text>
              )}
            </Card>
            <InspectionPhotosCard inspection={i} />
            <OutingRectificationsCard inspectionId={i.id} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('inspections.sectionInspectors')} size="small">
              {i.inspectorIds.length ? (
                <Space size={[4, 8]} wrap>
                  {i.inspectorIds.map((personId) => (
                    <Tag key={personId}>{names.get(personId) ?? t('inspections.unknownPerson')}</Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('inspections.noInspectors')}</Typography.Text>
              )}
            </Card>
            <Card title={t('inspections.sectionRecord')} size="small">
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'lead',
                    label: t('inspections.lead'),
                    children: i.leadId ? <Link to={`/leads/${i.leadId}`}>{t('inspections.openLeadLink')}</Link> : none,
                  },
                  { key: 'created', label: t('inspections.createdAt'), children: formatDateTime(i.createdAt) },
                  { key: 'updated', label: t('inspections.updatedAt'), children: formatDateTime(i.updatedAt) },
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      {openingLead && <OpenLeadModal inspection={i} onClose={() => setOpeningLead(false)} />}
    </PageContainer>
  );
}
