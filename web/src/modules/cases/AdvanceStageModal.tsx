import { Alert, DatePicker, Form, Input, Switch, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { dateField } from '../campaigns/editor/form-fields';
import { useCaseMutations, type Case, type CaseStage, type StageMoveBody } from './api';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { todayIso } from '../../lib/records/today';

interface Values {
  note?: string;
  decisionDate?: string;
  penalized?: boolean;
  executorId?: string;
  closingDate?: string;
}

/** What each move asks for (the server's stageMoveSchema and moveStage). */
const HINTS: Partial<
  Record<
    CaseStage,
    'cases.advanceHintNotice' | 'cases.advanceHintDecided' | 'cases.advanceHintExecution' | 'cases.advanceHintClosed'
  >
> = {
  notice: 'cases.advanceHintNotice',
  decided: 'cases.advanceHintDecided',
  execution: 'cases.advanceHintExecution',
  closed: 'cases.advanceHintClosed',
};

/**
 * 推进到下一阶段: asks for what the next stage needs (决定: the date and whether a penalty was
 * imposed; 执行: the executor, a fourth person under 四分离; 结案: the closing date) and a note. The
 * server's refusals land on their field, in its words.
 */
export function AdvanceStageModal({ record: c, onClose }: { record: Case; onClose: () => void }) {
  const t = useT();
  const { moveStage, invalidate } = useCaseMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { invalidate, then: 'close' } });
  const to = c.nextStage!;
  const hint = HINTS[to];
  // 结案 / 归档 by anyone but a 局领导: a request he signs; the stage moves on his approval.
  const asks = c.can.askSignOff;
  const label = t(asks ? 'cases.askSignOff' : 'cases.advanceTo', { stage: t(`caseStage.${to}`) });
  const p = c.people;

  const submit = (values: Values) => {
    const body: StageMoveBody = { to, version: c.version, note: values.note?.trim() || null };
    if (to === 'decided')
      Object.assign(body, { decisionDate: values.decisionDate, penalized: values.penalized ?? false });
    if (to === 'execution') body.executorId = values.executorId;
    if (to === 'closed') body.closingDate = values.closingDate;
    moveStage.mutate(
      { id: c.id, body },
      {
        onSuccess: (updated) =>
          saved(
            asks
              ? t('cases.signOffAsked', { stage: t(`caseStage.${to}`) })
              : t('cases.advanced', { stage: t(`caseStage.${updated.stage}`) }),
          ),
        onError: failed,
      },
    );
  };

  return (
    <FormModal
      form={form}
      title={t('cases.advanceTitle', { from: t(`caseStage.${c.stage}`), to: t(`caseStage.${to}`) })}
      okText={label}
      saving={moveStage.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ decisionDate: todayIso(), closingDate: todayIso(), penalized: true }}
      width={560}
      intro={hint && <Alert type="info" showIcon title={t(hint)} style={{ margin: '12px 0 16px' }} />}
      footnote={
        <Typography.Text type="secondary">{t(asks ? 'cases.signOffHint' : 'cases.advanceRecorded')}</Typography.Text>
      }
    >
      {to === 'decided' && (
        <>
          <Form.Item
            name="decisionDate"
            label={t('cases.decisionDate')}
            rules={[{ required: true, message: t('cases.required', { field: t('cases.decisionDate') }) }]}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="penalized" label={t('cases.penalized')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
      {to === 'execution' && (
        <Form.Item
          name="executorId"
          label={t('cases.executor')}
          rules={[{ required: true, message: t('cases.required', { field: t('cases.executor') }) }]}
          extra={t('cases.executorHint', {
            names:
              [p.filingApprover, p.investigator, p.reviewer]
                .filter(Boolean)
                .map((x) => x!.displayName)
                .join(t('cases.listSeparator')) || '—',
          })}
        >
          <PersonSelect role="handler" unitId={c.unitId} known={[p.executor]} />
        </Form.Item>
      )}
      {to === 'closed' && (
        <Form.Item
          name="closingDate"
          label={t('cases.closingDate')}
          rules={[{ required: true, message: t('cases.required', { field: t('cases.closingDate') }) }]}
          {...dateField}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('cases.stageNote')}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('cases.stageNotePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
