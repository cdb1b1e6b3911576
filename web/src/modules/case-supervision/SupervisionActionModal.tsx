import dayjs from 'dayjs';
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { dateField } from '../campaigns/editor/form-fields';
import { useSupervisionMutations, type CaseSupervision } from './api';

export type SupervisionAction = 'request' | 'initiate' | 'takeUp' | 'decline' | 'progress' | 'instruct' | 'close';

interface Values {
  reason?: string;
  instruction?: string;
  deadline?: string;
  progressInterval?: number;
  progressIntervalKind?: 'working_days' | 'days';
  text?: string;
  conclusion?: string;
}

/** One act of 督办 on a case, in a dialog: its fields, sent to the server, whose errors land under them. */
export function SupervisionActionModal({
  caseId,
  supervision,
  action,
  onClose,
}: {
  caseId: string;
  supervision?: CaseSupervision;
  action: SupervisionAction;
  onClose: () => void;
}) {
  const t = useT();
  const m = useSupervisionMutations();
  const { form, saved, failed } = useFormModal<Values>({
    onClose,
    conflict: { invalidate: m.invalidate, then: 'close' },
  });
  const done = { onSuccess: () => saved(t('caseSupervision.done')), onError: failed };
  const id = supervision?.id ?? '';
  const version = supervision?.version ?? 0;
  const takeUpBody = (v: Values) => ({
    instruction: v.instruction ?? '',
    deadline: v.deadline ?? '',
    progressInterval: v.progressInterval ?? 5,
    progressIntervalKind: v.progressIntervalKind ?? 'working_days',
  });
  const submit = (v: Values) => {
    switch (action) {
      case 'request':
        return m.request.mutate({ caseId, reason: v.reason ?? '' }, done);
      case 'initiate':
        return m.initiate.mutate({ caseId, body: takeUpBody(v) }, done);
      case 'takeUp':
        return m.takeUp.mutate({ id, body: { ...takeUpBody(v), version } }, done);
      case 'decline':
        return m.decline.mutate({ id, body: { reason: v.reason ?? '', version } }, done);
      case 'progress':
        return m.progress.mutate({ id, body: { text: v.text ?? '', version } }, done);
      case 'instruct':
        return m.instruct.mutate({ id, body: { text: v.text ?? '', version } }, done);
      case 'close':
        return m.close.mutate({ id, body: { conclusion: v.conclusion ?? '', version } }, done);
    }
  };
  const saving = Object.values(m).some((x) => typeof x === 'object' && 'isPending' in x && x.isPending);
  const required = (key: Parameters<typeof t>[0]) => [
    { required: true, whitespace: true, message: t('caseSupervision.required', { field: t(key) }) },
  ];
  const area = (name: keyof Values, label: Parameters<typeof t>[0], max: number) => (
    <Form.Item name={name} label={t(label)} rules={required(label)}>
      <Input.TextArea rows={4} maxLength={max} showCount />
    </Form.Item>
  );
  const takingUp = action === 'initiate' || action === 'takeUp';
  return (
    <FormModal
      form={form}
      title={t(`caseSupervision.${action}`)}
      okText={t(`caseSupervision.${action}`)}
      saving={saving}
      onClose={onClose}
      onFinish={submit}
      initialValues={{
        progressInterval: 5,
        progressIntervalKind: 'working_days',
        deadline: dayjs(todayIso()).add(30, 'day').format('YYYY-MM-DD'),
      }}
      formStyle={{ marginTop: 12 }}
    >
      {action === 'request' && area('reason', 'caseSupervision.reason', 2000)}
      {action === 'decline' && area('reason', 'caseSupervision.declineReason', 2000)}
      {takingUp && (
        <>
          {area('instruction', 'caseSupervision.instruction', 2000)}
          <Form.Item
            name="deadline"
            label={t('caseSupervision.deadline')}
            rules={[
              { required: true, message: t('caseSupervision.required', { field: t('caseSupervision.deadline') }) },
            ]}
            {...dateField}
          >
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < todayIso()} />
          </Form.Item>
          <Form.Item label={t('caseSupervision.interval')} required>
            <Space.Compact>
              <Form.Item name="progressInterval" noStyle>
                <InputNumber min={1} max={90} precision={0} aria-label={t('caseSupervision.interval')} />
              </Form.Item>
              <Form.Item name="progressIntervalKind" noStyle>
                <Select
                  style={{ width: 120 }}
                  options={(['working_days', 'days'] as const).map((k) => ({
                    value: k,
                    label: t(`caseSupervision.intervalKind.${k}`),
                  }))}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </>
      )}
      {action === 'progress' && area('text', 'caseSupervision.progressText', 5000)}
      {action === 'instruct' && area('text', 'caseSupervision.instructionText', 2000)}
      {action === 'close' && area('conclusion', 'caseSupervision.conclusion', 2000)}
    </FormModal>
  );
}
