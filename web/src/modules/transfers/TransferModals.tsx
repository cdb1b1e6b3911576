import { DatePicker, Form, Input, Select } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { AuthoritySelect } from '../../lib/records/authorities';
import { todayIso } from '../../lib/records/today';
import { dateField } from '../campaigns/editor/form-fields';
import { useTransferMutations, type ReplyBody, type Transfer, type TransferBody } from './api';

/** 移送材料 a transfer usually carries (《行政执法机关移送涉嫌犯罪案件的规定》第六条); others may be typed. */
export const MATERIAL_OPTIONS = [
  '涉嫌犯罪案件移送书',
  '涉嫌犯罪案件情况的调查报告',
  '涉案物品清单',
  '有关检验报告或者鉴定意见',
  '现场检查笔录',
  '询问笔录',
];

/** 移送: a case to the police, the procuratorate or another organ. */
export function TransferModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const t = useT();
  const { transfer, invalidate } = useTransferMutations();
  const { form, saved, failed } = useFormModal<TransferBody>({ onClose, conflict: { invalidate, then: 'close' } });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('cases.required', { field }) }];
  const submit = (body: TransferBody) =>
    transfer.mutate(
      { caseId, body: { ...body, replyDueDate: body.replyDueDate || undefined } },
      { onSuccess: () => saved(t('transfers.saved')), onError: failed },
    );
  return (
    <FormModal
      form={form}
      title={t('transfers.transferTitle')}
      okText={t('transfers.transfer')}
      saving={transfer.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ transferDate: todayIso(), materials: MATERIAL_OPTIONS.slice(0, 4) }}
      width={640}
      intro={<p style={{ color: 'rgba(0,0,0,0.55)' }}>{t('transfers.judicialHint')}</p>}
    >
      <Form.Item name="receiverKind" label={t('transfers.receiverKind')} rules={required(t('transfers.receiverKind'))}>
        <AuthoritySelect />
      </Form.Item>
      <Form.Item name="receiverName" label={t('transfers.receiverName')} rules={required(t('transfers.receiverName'))}>
        <Input maxLength={100} placeholder={t('transfers.receiverNamePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="transferDate"
        label={t('transfers.transferDate')}
        rules={required(t('transfers.transferDate'))}
        {...dateField}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="documentNumber" label={t('transfers.documentNumber')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="reason" label={t('transfers.reason')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="materials" label={t('transfers.materials')}>
        <Select
          mode="tags"
          placeholder={t('transfers.materialsPlaceholder')}
          options={MATERIAL_OPTIONS.map((m) => ({ value: m, label: m }))}
        />
      </Form.Item>
      <Form.Item
        name="replyDueDate"
        label={t('transfers.replyDueDate')}
        extra={t('transfers.replyDueHint')}
        {...dateField}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 登记答复: 受理, 立案, 不立案 or 退回 (the last two with the reason). */
export function ReplyModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const t = useT();
  const { reply, invalidate } = useTransferMutations();
  const { form, saved, failed } = useFormModal<Omit<ReplyBody, 'version'>>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  const outcome = Form.useWatch('outcome', form);
  const outcomes = (['accepted', 'filed', 'not_filed', 'returned'] as const).filter(
    (o) => !(o === 'accepted' && transfer.status === 'accepted'),
  );
  const submit = (v: Omit<ReplyBody, 'version'>) =>
    reply.mutate(
      { id: transfer.id, body: { ...v, reason: v.reason || undefined, version: transfer.version } },
      { onSuccess: () => saved(t('transfers.replied')), onError: failed },
    );
  const needsReason = outcome === 'not_filed' || outcome === 'returned';
  return (
    <FormModal
      form={form}
      title={t('transfers.replyTitle')}
      okText={t('transfers.reply')}
      saving={reply.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ replyDate: todayIso() }}
      intro={<p>{`${transfer.receiverName}：${transfer.subject.title}`}</p>}
    >
      <Form.Item
        name="outcome"
        label={t('transfers.outcome')}
        rules={[{ required: true, message: t('cases.required', { field: t('transfers.outcome') }) }]}
      >
        <Select options={outcomes.map((o) => ({ value: o, label: t(`transfers.status.${o}`) }))} />
      </Form.Item>
      <Form.Item
        name="replyDate"
        label={t('transfers.replyDate')}
        rules={[{ required: true, message: t('cases.required', { field: t('transfers.replyDate') }) }]}
        {...dateField}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('transfers.replyReason')}
        rules={needsReason ? [{ required: true, whitespace: true, message: t('transfers.replyReasonRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
