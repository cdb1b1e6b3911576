import { Form, Input, Switch } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
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
  const { openLead } = useInspectionMutations();
  const { form, message, saved, failed } = useFormModal<OpenLeadValues>({ onClose });

  const submit = (values: OpenLeadValues) =>
    openLead.mutate(
      {
        id: inspection.id,
        body: {
          partyName: values.partyName.trim(),
          description: values.description?.trim() || null,
          important: values.important,
          version: inspection.version,
        },
      },
      {
        onSuccess: ({ leadId }) => {
          saved(t('inspections.leadOpened'));
          navigate(`/leads/${leadId}`);
        },
        onError: failed,
      },
    );

  return (
    <FormModal
      form={form}
      title={t('inspections.openLeadTitle')}
      okText={t('inspections.openLeadSubmit')}
      saving={openLead.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ partyName: '', description: inspection.findings ?? '', important: false }}
      onFinishFailed={() => void message.error(t('common.fixFields'))}
    >
      <Form.Item
        name="partyName"
        label={t('inspections.partyName')}
        rules={[{ required: true, whitespace: true, message: t('inspections.partyNameRequired') }]}
        extra={t('inspections.partyNameHint')}
      >
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('inspections.leadDescription')}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item
        name="important"
        label={t('inspections.important')}
        valuePropName="checked"
        extra={t('inspections.importantHint')}
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
