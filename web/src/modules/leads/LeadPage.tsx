import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, FileDoneOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useCategoryLabel } from '../../lib/records/pickers';
import { useLead } from './api';
import { FileCaseDrawer } from './FileCaseDrawer';
import { PendingApprovals } from '../approvals/PendingApprovals';
import { LeadClockCard } from './LeadClockCard';
import { LeadHandlersCard } from './LeadHandlersCard';
import { LeadEditDrawer } from './LeadEditDrawer';
import { LeadOutcomeModal } from './LeadOutcomeModal';
import { LeadStatusTag } from './tags';
import { LeadHandoverAlert } from '../transfers/LeadHandoverAlert';

type Dialog = 'edit' | 'file' | 'not_file' | 'hand_over' | null;

/** One lead: what it says, who complained (masked unless the user handles it), its clock, and the decision. */
export function LeadPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useLead(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { campaign, label } = useCategoryLabel(query.data?.campaignId, query.data?.categoryCode);

  if (!query.data) return <RecordPageStatus kind="leads" {...queryStatus(query)} />;

  const lead = query.data;
  const verifying = lead.status === 'verifying';
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const masked = lead.complainantMasked;
  // Saving a lead sends the complainant's data; a user who sees them masked would write the mask back.
  const canEdit = lead.can.edit && !masked;

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{lead.partyName}</span>
          <LeadStatusTag status={lead.status} />
          {lead.important && <Tag color="red">{t('leads.important')}</Tag>}
          {lead.overdue && <Tag color="red">{t('leads.overdue')}</Tag>}
          {lead.filingPending && (
            <Tag color="gold" className="rs-lead-filing-pending">
              {t('leads.filingPending')}
            </Tag>
          )}
        </Space>
      }
      crumbs={[{ key: 'lead', title: lead.sourceNumber ?? t(`leadSource.${lead.source}`) }]}
      extra={
        <>
          {lead.can.edit && (
            <Tooltip title={canEdit ? undefined : t('leads.editMaskedHint')}>
              <Button icon={<EditOutlined />} disabled={!canEdit} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            </Tooltip>
          )}
          {lead.can.decide && verifying && (
            <>
              <Button icon={<SendOutlined />} onClick={() => setDialog('hand_over')}>
                {t('leads.handOver')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('not_file')}>
                {t('leads.notFile')}
              </Button>
              <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setDialog('file')}>
                {t('leads.file')}
              </Button>
            </>
          )}
        </>
      }
    >
      {lead.filingPending && (
        <Alert type="info" showIcon title={t('leads.filingPendingAlert')} style={{ marginBottom: 16 }} />
      )}
      {lead.status === 'filed' && lead.caseId && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('leads.filedAlert', { date: lead.decidedDate ?? '' })}{' '}
              <Link to={`/cases/${lead.caseId}`}>{t('leads.openCase')}</Link>
            </span>
          }
        />
      )}
      {lead.handover && <LeadHandoverAlert transferId={lead.handover.transferId} />}
      {(lead.status === 'not_filed' || (lead.status === 'handed_over' && !lead.handover)) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(lead.status === 'not_filed' ? 'leads.notFiledAlert' : 'leads.handedOverAlert', {
            date: lead.decidedDate ?? '',
            note: lead.outcomeNote ?? '',
          })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('leads.sectionLead')} size="small" className="rs-lead-facts">
              <Descriptions
                column={{ xs: 1, md: 2 }}
                size="small"
                items={[
                  {
                    key: 'source',
                    label: t('leads.source'),
                    children: (
                      <>
                        {t(`leadSource.${lead.source}`)}
                        {lead.origin && (
                          <>
                            {' · '}
                            <Link to={lead.origin.link} className="rs-lead-origin">
                              {lead.origin.label}
                            </Link>
                          </>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'number',
                    label: t('leads.sourceNumber'),
                    children: lead.sourceNumber ? <span className="rs-mono">{lead.sourceNumber}</span> : none,
                  },
                  { key: 'received', label: t('leads.receivedDate'), children: formatDate(lead.receivedDate) },
                  { key: 'unit', label: t('leads.unit'), children: lead.unitName },
                  {
                    key: 'campaign',
                    label: t('records.campaign'),
                    children: campaign ? <Link to={`/campaigns/${lead.campaignId}`}>{campaign.name}</Link> : none,
                  },
                  { key: 'category', label: t('records.category'), children: label ?? none },
                  { key: 'party', label: t('leads.partyName'), children: lead.partyName, span: 'filled' },
                  {
                    key: 'description',
                    label: t('leads.description'),
                    children: <span className="rs-pre">{lead.description}</span>,
                    span: 'filled',
                  },
                  { key: 'registered', label: t('leads.registeredAt'), children: formatDateTime(lead.createdAt) },
                ]}
              />
            </Card>
            <Card
              title={t('leads.sectionComplainant')}
              size="small"
              className="rs-lead-complainant"
              extra={masked ? <Tag>{t('leads.masked')}</Tag> : <Tag color="blue">{t('leads.handlerView')}</Tag>}
            >
              <Descriptions
                column={{ xs: 1, md: 3 }}
                size="small"
                items={[
                  { key: 'name', label: t('leads.complainantName'), children: lead.complainantName ?? none },
                  {
                    key: 'phone',
                    label: t('leads.complainantPhone'),
                    children: lead.complainantPhone ? <span className="rs-mono">{lead.complainantPhone}</span> : none,
                  },
                  {
                    key: 'id',
                    label: t('leads.complainantIdNumber'),
                    children: lead.complainantIdNumber ? (
                      <span className="rs-mono">{lead.complainantIdNumber}</span>
                    ) : (
                      none
                    ),
                  },
                ]}
              />
              {masked && <Typography.Text type="secondary">{t('leads.maskedHint')}</Typography.Text>}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PendingApprovals requests={lead.approvals} />
            <LeadClockCard lead={lead} />
            <LeadHandlersCard lead={lead} />
          </Space>
        </Col>
      </Row>
      {dialog === 'edit' && <LeadEditDrawer lead={lead} onClose={() => setDialog(null)} />}
      {dialog === 'file' && <FileCaseDrawer lead={lead} onClose={() => setDialog(null)} />}
      {(dialog === 'not_file' || dialog === 'hand_over') && (
        <LeadOutcomeModal lead={lead} outcome={dialog} onClose={() => setDialog(null)} />
      )}
    </PageContainer>
  );
}
