import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { ApiError } from '../../lib/api';
import { LoadError } from '../../app/StatusPages';
import { useMajorEvent, useMajorEventMutations, type MajorEvent } from './api';
import { statusColor } from './major-event-form';

/** One 重大情况报告: what the unit wrote, and the office's 阅示 (its form, for the office, while it awaits one). */
export function MajorEventDrawer({
  campaignId,
  id,
  onEdit,
  onClose,
}: {
  campaignId: string;
  id: string | undefined;
  onEdit: (e: MajorEvent) => void;
  onClose: () => void;
}) {
  const t = useT();
  const event = useMajorEvent(id);
  const e = event.data;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size="large"
      title={t('majorEvents.detailTitle')}
      extra={
        e?.can.edit && (
          <Button onClick={() => onEdit(e)} aria-label={t('majorEvents.editTitle')}>
            {t('majorEvents.edit')}
          </Button>
        )
      }
    >
      {event.isError && <LoadError error={event.error} onRetry={() => void event.refetch()} />}
      {e && (
        <Flex vertical gap={16}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <Tag color={statusColor(e.status)}>{t(`majorEvents.status.${e.status}`)}</Tag>
            {e.title}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 128 } }}>
            <Descriptions.Item label={t('majorEvents.unit')}>{e.unitLabel}</Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.kind')}>{t(`majorEvents.kind.${e.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.occurredOn')}>{e.occurredOn}</Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.reportedAt')}>
              {formatDateTime(e.reportedAt)} · {e.reportedByName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.summary')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.summary}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.measuresTaken')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {e.measuresTaken}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.requests')}>{e.requests ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('majorEvents.case')}>
              {e.caseId ? (
                <Link to={`/cases/${e.caseId}`}>
                  {e.caseName}
                  {e.caseNumber ? `（${e.caseNumber}）` : ''}
                </Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          {e.status === 'acknowledged' ? (
            <Alert
              type="success"
              showIcon
              title={t('majorEvents.acknowledgedBy', {
                name: e.acknowledgedByName ?? '—',
                at: formatDateTime(e.acknowledgedAt),
              })}
              description={<div style={{ whiteSpace: 'pre-wrap' }}>{e.acknowledgement}</div>}
            />
          ) : e.can.acknowledge ? (
            <AcknowledgeForm campaignId={campaignId} event={e} />
          ) : (
            <Alert type="warning" showIcon title={t('majorEvents.awaiting')} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}

/** 阅示: the office writes its comment (required) and acknowledges, once. */
function AcknowledgeForm({ campaignId, event }: { campaignId: string; event: MajorEvent }) {
  const t = useT();
  const [form] = Form.useForm();
  const { acknowledge, invalidate } = useMajorEventMutations(campaignId);
  const { message } = App.useApp();
  const showError = useShowError();
  const submit = ({ acknowledgement }: { acknowledgement: string }) =>
    acknowledge.mutate(
      { id: event.id, acknowledgement: acknowledgement.trim(), version: event.version },
      {
        onSuccess: () => void message.success(t('majorEvents.acknowledgedOk')),
        onError: (error) => {
          showError(error, form);
          if (error instanceof ApiError && error.status === 409) void invalidate();
        },
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item
        name="acknowledgement"
        label={t('majorEvents.acknowledgement')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('majorEvents.required', { field: t('majorEvents.acknowledgement') }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('majorEvents.acknowledgementPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={acknowledge.isPending}>
        {t('majorEvents.acknowledge')}
      </Button>
    </Form>
  );
}
