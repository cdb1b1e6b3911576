import { DatePicker, Form, InputNumber, Select } from 'antd';
import { dateField } from '../campaigns/editor/form-fields';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { ClockChangeFields } from './ClockChangeFields';
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
  meetingDate?: string;
  participants?: string[];
  toDate?: string;
}

/** One change of the decision clock, with its reason (and the days, or the date it stops or runs again). */
export function CaseClockModal({
  record: c,
  action,
  onClose,
}: {
  record: Case;
  action: ClockAction;
  onClose: () => void;
}) {
  const t = useT();
  const { changeClock, invalidate } = useCaseMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { invalidate, then: 'close' } });

  const extension = action === 'approved_extension' || action === 'collective_extension';
  const submit = (v: Values) => {
    const base = { reason: v.reason, version: c.version };
    const body: CaseClockBody =
      action === 'approved_extension'
        ? { ...base, kind: action, days: 30 }
        : action === 'collective_extension'
          ? {
              ...base,
              kind: action,
              days: v.days ?? 0,
              meetingDate: v.meetingDate ?? '',
              participants: v.participants ?? [],
            }
          : action === 'pause'
            ? { ...base, kind: action, fromDate: v.fromDate ?? '' }
            : { ...base, kind: action, toDate: v.toDate ?? '' };
    changeClock.mutate(
      { id: c.id, body },
      { onSuccess: () => saved(t(extension ? 'cases.clockRequested' : 'cases.clockChanged')), onError: failed },
    );
  };

  return (
    <FormModal
      form={form}
      title={t(TITLES[action])}
      okText={t('common.ok')}
      saving={changeClock.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ days: 30, fromDate: todayIso(), toDate: todayIso(), meetingDate: todayIso() }}
      formStyle={{ marginTop: 12 }}
    >
      {action === 'approved_extension' && <p>{t('cases.clockApprovedHint')}</p>}
      {action === 'collective_extension' && (
        <Form.Item
          name="days"
          label={t('cases.clockDays')}
          rules={[{ required: true, message: t('cases.required', { field: t('cases.clockDays') }) }]}
          extra={t('cases.clockCollectiveHint')}
        >
          <InputNumber min={1} max={365} precision={0} suffix={t('cases.dayUnit')} style={{ width: 160 }} />
        </Form.Item>
      )}
      {action === 'collective_extension' && (
        <>
          <Form.Item
            name="meetingDate"
            label={t('cases.clockMeetingDate')}
            rules={[{ required: true, message: t('cases.required', { field: t('cases.clockMeetingDate') }) }]}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="participants"
            label={t('cases.clockParticipants')}
            extra={t('cases.clockParticipantsHint')}
            rules={[{ required: true, message: t('cases.required', { field: t('cases.clockParticipants') }) }]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
          </Form.Item>
        </>
      )}
      <ClockChangeFields action={action} pauseHint={t('cases.clockPauseHint')} />
    </FormModal>
  );
}
