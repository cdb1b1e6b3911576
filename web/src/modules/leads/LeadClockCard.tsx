import { useState } from 'react';
import { Button, Card, Descriptions, Flex, List, Typography } from 'antd';
import { ClockCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { ClockChangeFields, ClockPauseButton } from '../cases/ClockChangeFields';
import { ClockStateTag } from '../cases/tags';
import { useLeadMutations, type Lead, type LeadClockBody } from './api';
import { todayIso } from '../../lib/records/today';

type Action = LeadClockBody['kind'];
type ClockValues = { reason: string; fromDate?: string; toDate?: string };

/**
 * 核查期限: 15 working days from receipt on the holiday calendar, once extendable by 15 with the
 * head's approval (延长), stopped for testing and appraisal (中止 / 恢复).
 */
export function LeadClockCard({ lead }: { lead: Lead }) {
  const t = useT();
  const [action, setAction] = useState<Action | null>(null);
  const { clock } = lead;
  const open = lead.pauses.some((p) => p.toDate === null);
  const verifying = lead.status === 'verifying';
  const left = clock.workingDaysLeft;
  // 申请延期 asked and not yet decided: the request shows above (PendingApprovals), no second one meanwhile.
  const asked = lead.approvals.some((a) => a.kind === 'lead_extension' && a.status === 'pending');

  const daysText =
    clock.state === 'stopped'
      ? t('leads.clockDecided', { date: lead.decidedDate ?? '' })
      : clock.state === 'paused'
        ? t('leads.clockPausedLeft', { days: left })
        : left < 0
          ? t('leads.clockOverdueBy', { days: -left })
          : t('leads.clockDaysLeft', { days: left });

  return (
    <Card
      size="small"
      className="rs-lead-clock"
      title={
        <Flex gap={8} align="center">
          <ClockCircleOutlined />
          {t('leads.cardClock')}
        </Flex>
      }
      extra={<ClockStateTag state={clock.state} />}
    >
      <Typography.Paragraph className={`rs-clock-days rs-clock-${clock.state}`}>{daysText}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'due',
            label: t('leads.dueDate'),
            children: clock.dueDate ? formatDate(clock.dueDate) : t('cases.clockDuePaused'),
          },
          {
            key: 'paused',
            label: t('leads.pausedWorkingDays'),
            children: t('leads.workingDays', { days: clock.pausedWorkingDays }),
          },
          {
            key: 'extension',
            label: t('leads.extension'),
            children: lead.extensionApprovedBy
              ? t('leads.extended', { reason: lead.extensionReason ?? '' })
              : t('leads.notExtended'),
          },
        ]}
      />
      {clock.provisional && <Typography.Paragraph type="warning">{t('leads.provisional')}</Typography.Paragraph>}
      {lead.pauses.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('leads.pauses')}</Typography.Text>}
          dataSource={lead.pauses}
          renderItem={(p) => (
            <List.Item>
              <List.Item.Meta
                title={
                  p.toDate
                    ? t('cases.clockEventPauseEnded', { from: p.fromDate, to: p.toDate })
                    : t('cases.clockEventPauseOpen', { from: p.fromDate })
                }
                description={p.reason}
              />
            </List.Item>
          )}
        />
      )}
      {asked && <Typography.Paragraph type="warning">{t('leads.extensionPending')}</Typography.Paragraph>}
      {verifying && (lead.can.approveExtension || lead.can.requestExtension || lead.can.edit) && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {(lead.can.approveExtension || lead.can.requestExtension) && (
            <Button size="small" icon={<PlusCircleOutlined />} onClick={() => setAction('extend')}>
              {t(lead.can.approveExtension ? 'leads.extend' : 'leads.requestExtension')}
            </Button>
          )}
          {lead.can.edit && <ClockPauseButton paused={open} onAction={setAction} />}
        </Flex>
      )}
      {action && <LeadClockModal lead={lead} action={action} onClose={() => setAction(null)} />}
    </Card>
  );
}

function LeadClockModal({ lead, action, onClose }: { lead: Lead; action: Action; onClose: () => void }) {
  const t = useT();
  const { changeClock, invalidate } = useLeadMutations();
  const { form, saved, failed } = useFormModal<ClockValues>({ onClose, conflict: { invalidate, then: 'close' } });
  const signs = lead.can.approveExtension;
  const title = t(
    action === 'extend'
      ? signs
        ? 'leads.extend'
        : 'leads.requestExtension'
      : action === 'pause'
        ? 'cases.clockPause'
        : 'cases.clockResume',
  );

  const submit = (v: ClockValues) => {
    const base = { reason: v.reason, version: lead.version };
    const body: LeadClockBody =
      action === 'extend'
        ? { ...base, kind: 'extend' }
        : action === 'pause'
          ? { ...base, kind: 'pause', fromDate: v.fromDate ?? '' }
          : { ...base, kind: 'resume', toDate: v.toDate ?? '' };
    const done = t(action === 'extend' && !signs ? 'leads.extensionRequested' : 'cases.clockChanged');
    changeClock.mutate({ id: lead.id, body }, { onSuccess: () => saved(done), onError: failed });
  };

  return (
    <FormModal
      form={form}
      title={title}
      okText={t('common.ok')}
      saving={changeClock.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ fromDate: todayIso(), toDate: todayIso() }}
      formStyle={{ marginTop: 12 }}
    >
      {action === 'extend' && <p>{t(signs ? 'leads.extendHint' : 'leads.requestExtensionHint')}</p>}
      <ClockChangeFields action={action} pauseHint={t('leads.pauseHint')} />
    </FormModal>
  );
}
