import { App, Form, Input, Modal, Switch } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useInspectionMutations, type Inspection } from './api';

interface OpenLeadValues {
  partyName: string;
  description?: string | null;
  important: boolean;
}

/**
 * 由检查发现登记线索: a finding becomes a lead (source 监督检查) in one step, its description
 * prefilled with the findings; then the lead's page opens.
 */
export function OpenLeadModal({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const { openLead } = useInspectionMutations();
  const [form] = Form.useForm();

  const submit = (values: OpenLeadValues) =>
    openLead.mutate(
      {
        id: inspection.id,
        body: { partyName: values.partyName.trim(), description: values.description?.trim() || null, important: values.important, version: inspection.version },
      },
      {
        onSuccess: ({ leadId }) => {
          void message.success(t('inspections.leadOpened'));
          onClose();
          navigate(`/leads/${leadId}`);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open
      title={t('inspections.openLeadTitle')}
      okText={t('inspections.openLeadSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={openLead.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ partyName: '', description: inspection.findings ?? '', important: false }}
        onFinish={submit}
        onFinishFailed={() => void message.error(t('common.fixFields'))}
      >
        <Form.Item name="partyName" label={t('inspections.partyName')} rules={[{ required: true, whitespace: true, message: t('inspections.partyNameRequired') }]} extra={t('inspections.partyNameHint')}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t('inspections.leadDescription')}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="important" label={t('inspections.important')} valuePropName="checked" extra={t('inspections.importantHint')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
