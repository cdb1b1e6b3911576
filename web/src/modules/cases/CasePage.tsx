import { useState } from 'react';
import { Alert, Button, Col, Row, Space, Tag, Tooltip } from 'antd';
import { EditOutlined, StepForwardOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useCase } from './api';
import { AdvanceStageModal } from './AdvanceStageModal';
import { CaseEditDrawer } from './CaseEditDrawer';
import { CaseExtras } from './CaseExtras';
import { CaseFacts } from './CaseFacts';
import { CaseStageSteps, StageHistory } from './CaseProgress';
import { DecisionClockCard } from './DecisionClockCard';
import { PendingApprovals } from '../approvals/PendingApprovals';
import { CaseStageTag } from './tags';
import { SupervisionCard } from '../case-supervision/SupervisionCard';
import { DisclosureCard } from '../disclosures/DisclosureCard';
import { NominateModal } from '../recognition/NominationsSection';
import { TransfersCard } from '../transfers/TransfersCard';

/**
 * One case: its fields in cards, the stage progress with who moved it, the decision clock, and the
 * actions the server's `can` allows (修改, 推进到下一阶段). Attachments and documents go below, in
 * CaseExtras.
 */
export function CasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useCase(id);
  const [editing, setEditing] = useState(false);
  const [advancing, setAdvancing] = useState(false);
  const [nominating, setNominating] = useState(false);

  if (!query.data) return <RecordPageStatus kind="cases" {...queryStatus(query)} rows={10} />;

  const c = query.data;
  const next = c.nextStage;
  // 结案审批中 / 归档审批中: a request a 局领导 signs (shown in PendingApprovals below).
  const signing = c.approvals.find(
    (a) => a.status === 'pending' && (a.kind === 'case_closing' || a.kind === 'case_archiving'),
  );
  const advance = next && (
    <Tooltip
      title={
        c.can.advance
          ? undefined
          : signing
            ? t('cases.signOffPending')
            : t('cases.advanceNotYours', { stage: t(`caseStage.${next}`) })
      }
    >
      <Button
        type="primary"
        icon={<StepForwardOutlined />}
        disabled={!c.can.advance}
        onClick={() => setAdvancing(true)}
      >
        {t(c.can.askSignOff ? 'cases.askSignOff' : 'cases.advanceTo', { stage: t(`caseStage.${next}`) })}
      </Button>
    </Tooltip>
  );

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{c.name}</span>
          <CaseStageTag stage={c.stage} />
          {signing && (
            <Tag color="gold">
              {t(signing.kind === 'case_closing' ? 'cases.closingPending' : 'cases.archivingPending')}
            </Tag>
          )}
          {c.overdue && <Tag color="red">{t('cases.flag.overdue')}</Tag>}
          {c.typical && <Tag color="red">{t('cases.typical')}</Tag>}
        </Space>
      }
      crumbs={[{ key: 'case', title: c.caseNumber }]}
      extra={
        <>
          {c.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {c.can.edit && <Button onClick={() => setNominating(true)}>{t('recognition.nominate')}</Button>}
          {advance}
        </>
      }
    >
      {c.overdue && (
        <Alert
          type="error"
          showIcon
          title={t('cases.overdueAlert', { date: c.decisionDueDate ?? '' })}
          style={{ marginBottom: 16 }}
        />
      )}
      <CaseStageSteps record={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <CaseFacts record={c} />
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PendingApprovals requests={c.approvals} pendingHint={t('approvals.pendingAlertCase')} />
            <SupervisionCard caseId={c.id} />
            <DisclosureCard caseId={c.id} />
            <TransfersCard caseId={c.id} />
            <DecisionClockCard record={c} />
            <StageHistory record={c} />
          </Space>
        </Col>
      </Row>
      <section className="rs-case-extras" aria-label={t('cases.extras')}>
        <CaseExtras record={c} />
      </section>
      {nominating && <NominateModal campaignId={c.campaignId} caseId={c.id} onClose={() => setNominating(false)} />}
      {editing && <CaseEditDrawer record={c} onClose={() => setEditing(false)} />}
      {advancing && next && <AdvanceStageModal record={c} onClose={() => setAdvancing(false)} />}
    </PageContainer>
  );
}
