import { DatePicker, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { dateField } from '../campaigns/editor/form-fields';
import { CHECK_RESULTS, useRandomCheckMutations, type CheckResult, type DrawItem, type RandomDraw } from './api';
import { todayIso } from '../../lib/records/today';

/** 重新抽取: never a quiet redo — a new draw with its reason; the old one stays, marked replaced. */
export function RedrawModal({ draw, onClose }: { draw: RandomDraw; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { redraw } = useRandomCheckMutations();
  const { form, saved, failed } = useFormModal<{ reason: string }>({ onClose });
  const submit = ({ reason }: { reason: string }) =>
    redraw.mutate(
      { id: draw.id, reason },
      {
        onSuccess: (created) => {
          saved();
          navigate(`/random-checks/draws/${created.id}`);
        },
        onError: failed,
      },
    );
  return (
    <FormModal
      form={form}
      title={t('randomChecks.redraw')}
      okText={t('randomChecks.redraw')}
      okDanger
      saving={redraw.isPending}
      onClose={onClose}
      onFinish={submit}
      intro={<p>{t('randomChecks.redrawHint')}</p>}
    >
      <Form.Item
        name="reason"
        label={t('randomChecks.redrawReason')}
        rules={[{ required: true, whitespace: true, message: t('randomChecks.redrawReasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

type ResultValues = { checkDate: string; result: CheckResult; note?: string };

/** 登记检查结果: the drawn inspectors (or the office) record the date and the result of a check. */
export function RecordResultModal({ draw, item, onClose }: { draw: RandomDraw; item: DrawItem; onClose: () => void }) {
  const t = useT();
  const { recordResult, invalidate } = useRandomCheckMutations();
  // Someone recorded this check first (409): the draw is read again and the dialog closes.
  const { form, saved, failed } = useFormModal<ResultValues>({ onClose, conflict: { invalidate, then: 'close' } });
  const submit = (v: ResultValues) =>
    recordResult.mutate(
      { drawId: draw.id, itemId: item.id, body: { ...v, note: v.note ?? null, version: item.version } },
      { onSuccess: () => saved(t('randomChecks.resultSaved')), onError: failed },
    );
  return (
    <FormModal
      form={form}
      title={t('randomChecks.recordTitle', { name: item.entityName })}
      saving={recordResult.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{
        checkDate: item.checkDate ?? todayIso(),
        result: item.result ?? undefined,
        note: item.resultNote ?? undefined,
      }}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item
        name="checkDate"
        label={t('randomChecks.checkDate')}
        rules={[{ required: true, message: t('randomChecks.checkDate') }]}
        {...dateField}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="result"
        label={t('randomChecks.result')}
        rules={[{ required: true, message: t('randomChecks.resultRequired') }]}
      >
        <Select options={CHECK_RESULTS.map((r) => ({ value: r, label: t(`randomChecks.resultLabel.${r}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('randomChecks.resultNote')}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
