import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { dateField } from '../campaigns/editor/form-fields';
import { useCaseMutations, type Case, type CaseClockBody } from './api';
import { todayIso } from '../../lib/records/today';

export type ClockAction = CaseClockBody['kind'];

const TITLES = {
  approved_extension: 'cases.clockExtendApproved',
  collective_extension: 'cases.clockExtendCollective',
  pause: 'cases.clockPause',
  resume: 'cases.clockResume',
} as const;

interface Values {
  reason: string;
  days?: number;
  fromDate?: string;
  toDate?: string;
}

/** One change of the decision clock, with its reason (and the days, or the date it stops or runs again). */
export function CaseClockModal({ record: c, action, onClose }: { record: Case; action: ClockAction; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { changeClock, invalidate } = useCaseMutations();
  const [form] = Form.useForm();

  const submit = (v: Values) => {
    const base = { reason: v.reason, version: c.version };
    const body: CaseClockBody =
      action === 'approved_extension'
        ? { ...base, kind: action, days: 30 }
        : action === 'collective_extension'
          ? { ...base, kind: action, days: v.days ?? 0 }
          : action === 'pause'
            ? { ...base, kind: action, fromDate: v.fromDate ?? '' }
            : { ...base, kind: action, toDate: v.toDate ?? '' };
    changeClock.mutate(
      { id: c.id, body },
      {
        onSuccess: () => {
          void message.success(t('cases.clockChanged'));
          onClose();
        },
        onError: (e) => {
          showError(e, form);
          if (e instanceof ApiError && e.status === 409) {
            void invalidate();
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t(TITLES[action])}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={changeClock.isPending}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={{ days: 30, fromDate: todayIso(), toDate: todayIso() }} onFinish={submit} style={{ marginTop: 12 }}>
        {action === 'approved_extension' && <p>{t('cases.clockApprovedHint')}</p>}
        {action === 'collective_extension' && (
          <Form.Item name="days" label={t('cases.clockDays')} rules={[{ required: true, message: t('cases.required', { field: t('cases.clockDays') }) }]} extra={t('cases.clockCollectiveHint')}>
            <InputNumber min={1} max={365} precision={0} suffix={t('cases.dayUnit')} style={{ width: 160 }} />
          </Form.Item>
        )}
        {action === 'pause' && (
          <Form.Item name="fromDate" label={t('cases.clockPauseFrom')} rules={[{ required: true, message: t('cases.required', { field: t('cases.clockPauseFrom') }) }]} extra={t('cases.clockPauseHint')} {...dateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'resume' && (
          <Form.Item name="toDate" label={t('cases.clockResumeOn')} rules={[{ required: true, message: t('cases.required', { field: t('cases.clockResumeOn') }) }]} {...dateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('cases.clockReason')} rules={[{ required: true, whitespace: true, message: t('cases.required', { field: t('cases.clockReason') }) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
