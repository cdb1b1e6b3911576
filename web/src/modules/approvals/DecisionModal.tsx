import { Form, Input, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useApprovalMutations, type ApprovalRequest } from './api';

/** 批准 / 不予批准 one request, with the approver's comment (required to reject). */
export function DecisionModal({
  request: r,
  decision,
  onClose,
}: {
  request: ApprovalRequest;
  decision: 'approve' | 'reject';
  onClose: () => void;
}) {
  const t = useT();
  const { decide, invalidate } = useApprovalMutations();
  const { form, saved, failed } = useFormModal<{ comment?: string }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  const reject = decision === 'reject';
  return (
    <FormModal
      form={form}
      title={t(reject ? 'approvals.rejectTitle' : 'approvals.approveTitle')}
      okText={t(reject ? 'approvals.reject' : 'approvals.approve')}
      okDanger={reject}
      saving={decide.isPending}
      onClose={onClose}
      onFinish={(v) =>
        decide.mutate(
          { id: r.id, body: { decision, comment: v.comment || null, version: r.version } },
          { onSuccess: () => saved(t(reject ? 'approvals.rejectedDone' : 'approvals.approved')), onError: failed },
        )
      }
      formStyle={{ marginTop: 12 }}
    >
      <Typography.Paragraph strong>{r.title}</Typography.Paragraph>
      <Typography.Paragraph>{r.description}</Typography.Paragraph>
      <Form.Item
        name="comment"
        label={t('approvals.comment')}
        rules={reject ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
