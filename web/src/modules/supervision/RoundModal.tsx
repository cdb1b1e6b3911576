import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useT } from '../../locales/i18n';
import { useSupervisionMutations, type SupervisionRound } from './api';

interface Values {
  number: number;
  title: string;
  startDate: Dayjs;
  endDate: Dayjs;
  focus?: string;
}

/** 安排 or 修改 a 督查轮次 (the server checks the dates lie in the plan's period). */
export function RoundModal({
  campaignId,
  round,
  nextNumber,
  onClose,
}: {
  campaignId: string;
  round: Omit<SupervisionRound, 'draws'> | null;
  nextNumber: number;
  onClose: () => void;
}) {
  const t = useT();
  const { createRound, updateRound } = useSupervisionMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { then: 'close' } });
  const finish = (v: Values) => {
    const body = {
      number: v.number,
      title: v.title,
      startDate: v.startDate.format('YYYY-MM-DD'),
      endDate: v.endDate.format('YYYY-MM-DD'),
      focus: v.focus || null,
    };
    const done = { onSuccess: () => saved(t('supervision.saved')), onError: failed };
    if (round) updateRound.mutate({ id: round.id, body: { ...body, version: round.version } }, done);
    else createRound.mutate({ campaignId, body }, done);
  };
  const required = [{ required: true, message: t('supervision.dateRequired') }];
  return (
    <FormModal<Values>
      form={form}
      title={round ? t('supervision.editRound') : t('supervision.newRound')}
      saving={createRound.isPending || updateRound.isPending}
      onClose={onClose}
      onFinish={finish}
      initialValues={
        round
          ? { ...round, startDate: dayjs(round.startDate), endDate: dayjs(round.endDate), focus: round.focus ?? '' }
          : { number: nextNumber, title: `第${nextNumber}次督查` }
      }
    >
      <Form.Item name="number" label={t('supervision.roundNumber')} rules={[{ required: true }]}>
        <InputNumber min={1} max={999} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('supervision.roundTitle')}
        rules={[{ required: true, message: t('supervision.roundTitleRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="startDate" label={t('supervision.startDate')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label={t('supervision.endDate')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="focus" label={t('supervision.focus')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
