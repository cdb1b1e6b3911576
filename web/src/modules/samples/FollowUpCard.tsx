import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Sample } from './api';
import { CloseModal, OpenLeadModal, ProgressModal } from './FollowUpModals';

/** 核查处置 of a failed sample: the measures, demand and deadline; what was done; the lead; the closing. */
export function FollowUpCard({ record }: { record: Sample }) {
  const t = useT();
  const [open, setOpen] = useState<'progress' | 'lead' | 'close' | null>(null);
  const f = record.followUp;
  const none = <Typography.Text type="secondary">{t('samples.followUp.notDone')}</Typography.Text>;
  if (!f)
    return (
      <Card title={t('samples.followUp.title')} size="small">
        <Typography.Text type="secondary">{t('samples.followUp.none')}</Typography.Text>
      </Card>
    );
  const status = f.overdue ? (
    <Tag color="error">{t('samples.followUp.overdue')}</Tag>
  ) : (
    <Tag color={f.status === 'open' ? 'processing' : 'success'}>{t(`samples.followUp.status.${f.status}`)}</Tag>
  );
  return (
    <Card
      title={
        <Space>
          {t('samples.followUp.title')}
          {status}
        </Space>
      }
      size="small"
      className="rs-sample-follow-up"
      extra={
        <Space wrap>
          {record.can.followUp && (
            <Button onClick={() => setOpen('progress')}>{t('samples.followUp.recordProgress')}</Button>
          )}
          {record.can.openLead && <Button onClick={() => setOpen('lead')}>{t('samples.followUp.openLead')}</Button>}
          {record.can.close && (
            <Button type="primary" onClick={() => setOpen('close')}>
              {t('samples.followUp.close')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          {
            key: 'measures',
            label: t('samples.followUpMeasures'),
            children: (
              <Space size={4} wrap>
                {f.measures.map((m) => (
                  <Tag key={m}>{t(`samples.measure.${m}`)}</Tag>
                ))}
              </Space>
            ),
          },
          { key: 'deadline', label: t('samples.followUpDeadline'), children: formatDate(f.deadline) },
          {
            key: 'demand',
            label: t('samples.followUpDemand'),
            children: <span className="rs-pre">{f.demand}</span>,
            span: 2,
          },
          ...(f.measures.includes('off_shelf')
            ? [
                {
                  key: 'offShelf',
                  label: t('samples.followUp.offShelf'),
                  children: f.offShelfQuantity
                    ? t('samples.followUp.offShelfValue', {
                        date: formatDate(f.offShelfDate!),
                        quantity: f.offShelfQuantity.replace(/\.?0+$/, ''),
                        unit: f.offShelfUnit ?? '',
                      })
                    : none,
                },
              ]
            : []),
          ...(f.measures.includes('recall')
            ? [
                {
                  key: 'recall',
                  label: t('samples.followUp.recall'),
                  children: f.recallNotice ? `${formatDate(f.recallDate!)} ${f.recallNotice}` : none,
                },
              ]
            : []),
          ...(f.measures.includes('case')
            ? [
                {
                  key: 'lead',
                  label: t('samples.followUp.lead'),
                  children: f.leadId ? (
                    <Link to={`/leads/${f.leadId}`}>{t('samples.followUp.openLeadLink')}</Link>
                  ) : (
                    none
                  ),
                },
              ]
            : []),
          ...(f.progressNote
            ? [
                {
                  key: 'note',
                  label: t('samples.followUp.progressNote'),
                  children: <span className="rs-pre">{f.progressNote}</span>,
                  span: 2,
                },
              ]
            : []),
          ...(f.status === 'closed'
            ? [
                {
                  key: 'closing',
                  label: t('samples.followUp.closing'),
                  children: (
                    <Space orientation="vertical" size={2}>
                      <span className="rs-pre">{f.closingNote}</span>
                      <Typography.Text type="secondary">
                        {t('samples.followUp.closedBy', {
                          name: f.closedByName ?? '',
                          at: f.closedAt ? formatDateTime(f.closedAt) : '',
                        })}
                      </Typography.Text>
                    </Space>
                  ),
                  span: 2,
                },
              ]
            : []),
        ]}
      />
      {open === 'progress' && <ProgressModal record={record} onClose={() => setOpen(null)} />}
      {open === 'lead' && <OpenLeadModal record={record} onClose={() => setOpen(null)} />}
      {open === 'close' && <CloseModal record={record} onClose={() => setOpen(null)} />}
    </Card>
  );
}
