import { Form, Input } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useDisclosureMutations, type Disclosure } from './api';

/** 撤下: a published disclosure off the public page, with the reason (kept in its record and the audit log). */
export function WithdrawModal({ record, onClose }: { record: Disclosure; onClose: () => void }) {
  const t = useT();
  const { withdraw, invalidate } = useDisclosureMutations();
  const { form, saved, failed } = useFormModal<{ reason: string }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  return (
    <FormModal
      form={form}
      title={t('disclosures.withdraw')}
      okText={t('disclosures.withdraw')}
      saving={withdraw.isPending}
      onClose={onClose}
      onFinish={({ reason }) =>
        withdraw.mutate(
          { id: record.id, reason, version: record.version },
          { onSuccess: () => saved(t('disclosures.withdrawnOk')), onError: failed },
        )
      }
    >
      <Form.Item
        name="reason"
        label={t('disclosures.withdrawReason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('disclosures.required', { field: t('disclosures.withdrawReason') }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
