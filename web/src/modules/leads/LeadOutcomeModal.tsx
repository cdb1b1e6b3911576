import { App, DatePicker, Form, Input, Modal } from 'antd';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { dateField } from '../campaigns/editor/form-fields';
import { useLeadMutations, type Lead } from './api';
import { todayIso } from '../../lib/records/today';

/** 不予立案 (with the reason) or 移送 (to which authority): ends the verification on a date. */
export function LeadOutcomeModal({ lead, outcome, onClose }: { lead: Lead; outcome: 'not_file' | 'hand_over'; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { decide, invalidate } = useLeadMutations();
  const [form] = Form.useForm();
  const notFile = outcome === 'not_file';
  const noteLabel = t(notFile ? 'leads.notFileReason' : 'leads.handOverTo');
  const dateLabel = t(notFile ? 'leads.decidedDate' : 'leads.handOverDate');

  const submit = (v: { decidedDate: string; note: string }) =>
    decide.mutate(
      { id: lead.id, body: { outcome, version: lead.version, decidedDate: v.decidedDate, note: v.note } },
      {
        onSuccess: () => {
          void message.success(t(notFile ? 'leads.notFiled' : 'leads.handedOver'));
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
      title={t(notFile ? 'leads.notFile' : 'leads.handOver')}
      okText={t(notFile ? 'leads.notFile' : 'leads.handOver')}
      okButtonProps={{ danger: notFile }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={{ decidedDate: todayIso() }} onFinish={submit} style={{ marginTop: 12 }}>
        <Form.Item name="decidedDate" label={dateLabel} rules={[{ required: true, message: t('cases.required', { field: dateLabel }) }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={noteLabel} rules={[{ required: true, whitespace: true, message: t('cases.required', { field: noteLabel }) }]}>
          {notFile ? <Input.TextArea rows={4} maxLength={1000} showCount /> : <Input maxLength={200} placeholder={t('leads.handOverPlaceholder')} />}
        </Form.Item>
      </Form>
    </Modal>
  );
}
