import { DatePicker, Form, Input } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { dateField } from '../campaigns/editor/form-fields';
import { useLeadMutations, type Lead } from './api';
import { todayIso } from '../../lib/records/today';
import { AuthoritySelect, type AuthorityKind } from '../../lib/records/authorities';

/** 不予立案 (with the reason) or 移送 (to which authority): ends the verification on a date. */
export function LeadOutcomeModal({
  lead,
  outcome,
  onClose,
}: {
  lead: Lead;
  outcome: 'not_file' | 'hand_over';
  onClose: () => void;
}) {
  const t = useT();
  const { decide, invalidate } = useLeadMutations();
  const { form, saved, failed } = useFormModal<{ decidedDate: string; note: string; receiverKind?: AuthorityKind }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  const notFile = outcome === 'not_file';
  const noteLabel = t(notFile ? 'leads.notFileReason' : 'transfers.receiverName');
  const dateLabel = t(notFile ? 'leads.decidedDate' : 'leads.handOverDate');

  const submit = (v: { decidedDate: string; note: string; receiverKind?: AuthorityKind }) =>
    decide.mutate(
      {
        id: lead.id,
        body: notFile
          ? { outcome, version: lead.version, decidedDate: v.decidedDate, note: v.note }
          : {
              outcome,
              version: lead.version,
              decidedDate: v.decidedDate,
              note: v.note,
              // 移交: the receiving organ named (the transfers module keeps the transfer and its answer).
              handover: { receiverKind: v.receiverKind, receiverName: v.note },
            },
      },
      { onSuccess: () => saved(t(notFile ? 'leads.notFiled' : 'leads.handedOver')), onError: failed },
    );

  return (
    <FormModal
      form={form}
      title={t(notFile ? 'leads.notFile' : 'leads.handOver')}
      okText={t(notFile ? 'leads.notFile' : 'leads.handOver')}
      okDanger={notFile}
      saving={decide.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ decidedDate: todayIso() }}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item
        name="decidedDate"
        label={dateLabel}
        rules={[{ required: true, message: t('cases.required', { field: dateLabel }) }]}
        {...dateField}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {!notFile && (
        <Form.Item
          name="receiverKind"
          label={t('transfers.receiverKind')}
          rules={[{ required: true, message: t('cases.required', { field: t('transfers.receiverKind') }) }]}
        >
          <AuthoritySelect />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={noteLabel}
        rules={[{ required: true, whitespace: true, message: t('cases.required', { field: noteLabel }) }]}
      >
        {notFile ? (
          <Input.TextArea rows={4} maxLength={1000} showCount />
        ) : (
          <Input maxLength={200} placeholder={t('leads.handOverPlaceholder')} />
        )}
      </Form.Item>
    </FormModal>
  );
}
