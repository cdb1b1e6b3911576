import { useState } from 'react';
import { Alert, App, Button, Card, Form, Modal, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
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
  const { message } = App.useApp();
  const showError = useShowError();
  const { assignHandlers, invalidate } = useLeadMutations();
  const [form] = Form.useForm();

  const submit = (v: { handlerIds: string[] }) =>
    assignHandlers.mutate(
      { id: lead.id, body: { handlerIds: v.handlerIds, version: lead.version } },
      {
        onSuccess: () => {
          void message.success(t('leads.handlersAssigned'));
          onClose();
        },
        onError: (e) => {
          showError(e, form);
          if (e instanceof ApiError && e.status === 409) {
            void invalidate();
            onClose();
          }
        },
      },
    );

  return (
    <Modal
      open
      title={t('leads.assignHandlers')}
      okText={t('leads.assignHandlers')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assignHandlers.isPending}
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon title={t('leads.assignHandlersHint', { unit: lead.unitName })} style={{ margin: '12px 0 16px' }} />
      <Form form={form} layout="vertical" initialValues={{ handlerIds: lead.handlerIds }} onFinish={submit}>
        <Form.Item name="handlerIds" label={t('leads.handlers')} rules={[{ required: true, type: 'array', min: 1, message: t('leads.handlersRequired') }]}>
          <PersonSelect role="handler" unitId={lead.unitId} known={lead.handlers} exclude={lead.handlerIds.includes(user.id) ? [] : [user.id]} multiple />
        </Form.Item>
      </Form>
    </Modal>
  );
}
