import { Form, Input, Select } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useDisclosureMutations, WARNING_KINDS, type ConsumerWarning, type WarningBody } from './api';

type Values = Omit<WarningBody, 'unitId'>;

/** 撰写 (or, with `record`, 修改) a 消费警示 / 警示公告 draft; personal data refused under its field. */
export function WarningFormModal({ record, onClose }: { record?: ConsumerWarning; onClose: () => void }) {
  const t = useT();
  const { createWarning, updateWarning, invalidate } = useDisclosureMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { invalidate, then: 'close' } });
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('disclosures.required', { field }) },
  ];
  const submit = (values: Values) =>
    record
      ? updateWarning.mutate(
          { id: record.id, body: { ...values, version: record.version } },
          { onSuccess: () => saved(t('disclosures.savedOk')), onError: failed },
        )
      : createWarning.mutate(values, { onSuccess: () => saved(t('disclosures.savedOk')), onError: failed });
  return (
    <FormModal
      form={form}
      title={t(record ? 'disclosures.warningEdit' : 'disclosures.warningNew')}
      saving={createWarning.isPending || updateWarning.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={
        record ? { kind: record.kind, title: record.title, body: record.body } : { kind: 'consumer_warning' }
      }
      width={680}
    >
      <Form.Item name="kind" label={t('disclosures.warningKind')} rules={required(t('disclosures.warningKind'))}>
        <Select
          aria-label={t('disclosures.warningKind')}
          options={WARNING_KINDS.map((k) => ({ value: k, label: t(`disclosures.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('disclosures.titleField')} rules={required(t('disclosures.titleField'))}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="body" label={t('disclosures.body')} rules={required(t('disclosures.body'))}>
        <Input.TextArea rows={8} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}
