import { Alert, Form, Input } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useDisclosureMutations, type Disclosure, type DisclosureText } from './api';

/**
 * 修改曝光稿: the title, the party as the public reads it and the public text; the server refuses
 * (422) a text with a person's name, an ID or a phone number, each under its field.
 */
export function DisclosureTextModal({ record, onClose }: { record: Disclosure; onClose: () => void }) {
  const t = useT();
  const { update, invalidate } = useDisclosureMutations();
  const { form, saved, failed } = useFormModal<DisclosureText>({ onClose, conflict: { invalidate, then: 'close' } });
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('disclosures.required', { field }) },
  ];
  return (
    <FormModal
      form={form}
      title={t('disclosures.editTitle')}
      saving={update.isPending}
      onClose={onClose}
      onFinish={(values) =>
        update.mutate(
          { id: record.id, body: { ...values, version: record.version } },
          { onSuccess: () => saved(t('disclosures.savedOk')), onError: failed },
        )
      }
      initialValues={{ title: record.title, partyDisplayName: record.partyDisplayName, body: record.body }}
      width={720}
    >
      <Alert type="info" showIcon title={t('disclosures.redactionHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="title" label={t('disclosures.titleField')} rules={required(t('disclosures.titleField'))}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item
        name="partyDisplayName"
        label={t('disclosures.party')}
        extra={t('disclosures.partyHint')}
        rules={required(t('disclosures.party'))}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="body" label={t('disclosures.body')} rules={required(t('disclosures.body'))}>
        <Input.TextArea rows={10} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}
