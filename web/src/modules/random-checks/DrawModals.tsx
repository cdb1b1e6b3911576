import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { dateField } from '../campaigns/editor/form-fields';
import { CHECK_RESULTS, useRandomCheckMutations, type CheckResult, type DrawItem, type RandomDraw } from './api';
import { todayIso } from '../../lib/records/today';

/** 重新抽取: never a quiet redo — a new draw with its reason; the old one stays, marked replaced. */
export function RedrawModal({ draw, onClose }: { draw: RandomDraw; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const showError = useShowError();
  const { redraw } = useRandomCheckMutations();
  const [form] = Form.useForm();
  const submit = ({ reason }: { reason: string }) =>
    redraw.mutate(
      { id: draw.id, reason },
      {
        onSuccess: (created) => {
          onClose();
          navigate(`/random-checks/draws/${created.id}`);
        },
        onError: (e) => showError(e, form),
      },
    );
  return (
    <Modal open title={t('randomChecks.redraw')} okText={t('randomChecks.redraw')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={redraw.isPending}>
      <p>{t('randomChecks.redrawHint')}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('randomChecks.redrawReason')} rules={[{ required: true, whitespace: true, message: t('randomChecks.redrawReasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记检查结果: the drawn inspectors (or the office) record the date and the result of a check. */
export function RecordResultModal({ draw, item, onClose }: { draw: RandomDraw; item: DrawItem; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { recordResult } = useRandomCheckMutations();
  const [form] = Form.useForm();
  const submit = (v: { checkDate: string; result: CheckResult; note?: string }) =>
    recordResult.mutate(
      { drawId: draw.id, itemId: item.id, body: { ...v, note: v.note ?? null, version: item.version } },
      {
        onSuccess: () => {
          void message.success(t('randomChecks.resultSaved'));
          onClose();
        },
        onError: (e) => {
          showError(e, form);
          if (e instanceof ApiError && e.status === 409) onClose();
        },
      },
    );
  return (
    <Modal open title={t('randomChecks.recordTitle', { name: item.entityName })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={recordResult.isPending}>
      <Form form={form} layout="vertical" initialValues={{ checkDate: item.checkDate ?? todayIso(), result: item.result ?? undefined, note: item.resultNote ?? undefined }} onFinish={submit} style={{ marginTop: 12 }}>
        <Form.Item name="checkDate" label={t('randomChecks.checkDate')} rules={[{ required: true, message: t('randomChecks.checkDate') }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label={t('randomChecks.result')} rules={[{ required: true, message: t('randomChecks.resultRequired') }]}>
          <Select options={CHECK_RESULTS.map((r) => ({ value: r, label: t(`randomChecks.resultLabel.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('randomChecks.resultNote')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
