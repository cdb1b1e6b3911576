import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useCurrentUser } from '../auth/session';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { useLeadMutations, type Lead } from './api';

/**
 * 经办人: who handles the lead and alone sees the complainant's data. The handling unit's office or
 * leader assigns them (`can.assignHandlers`); nobody assigns himself, so the user is not offered.
 */
export function LeadHandlersCard({ lead }: { lead: Lead }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('leads.handlers')}
      size="small"
      className="rs-lead-handlers"
      extra={
        lead.can.assignHandlers && (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setOpen(true)}>
            {t('leads.assignHandlers')}
          </Button>
        )
      }
    >
      {lead.handlers.length ? (
        <Space size={[4, 8]} wrap>
          {lead.handlers.map((h) => (
            <Tag key={h.id}>{h.displayName || h.id}</Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('leads.noHandlers')}</Typography.Text>
      )}
      {open && <AssignHandlersModal lead={lead} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function AssignHandlersModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const { assignHandlers, invalidate } = useLeadMutations();
  const { form, saved, failed } = useFormModal<{ handlerIds: string[] }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });

  const submit = (v: { handlerIds: string[] }) =>
    assignHandlers.mutate(
      { id: lead.id, body: { handlerIds: v.handlerIds, version: lead.version } },
      { onSuccess: () => saved(t('leads.handlersAssigned')), onError: failed },
    );

  return (
    <FormModal
      form={form}
      title={t('leads.assignHandlers')}
      okText={t('leads.assignHandlers')}
      saving={assignHandlers.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ handlerIds: lead.handlerIds }}
      intro={
        <Alert
          type="info"
          showIcon
          title={t('leads.assignHandlersHint', { unit: lead.unitName })}
          style={{ margin: '12px 0 16px' }}
        />
      }
    >
      <Form.Item
        name="handlerIds"
        label={t('leads.handlers')}
        rules={[{ required: true, type: 'array', min: 1, message: t('leads.handlersRequired') }]}
      >
        <PersonSelect
          role="handler"
          unitId={lead.unitId}
          known={lead.handlers}
          exclude={lead.handlerIds.includes(user.id) ? [] : [user.id]}
          multiple
        />
      </Form.Item>
    </FormModal>
  );
}
