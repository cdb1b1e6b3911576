import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { dateField } from '../campaigns/editor/form-fields';
import { MAJOR_EVENT_KINDS, useMajorEventMutations, type MajorEvent } from './api';
import { CaseSelect } from './CaseSelect';
import { defaultReportingUnit, majorEventBody, majorEventValues, type MajorEventValues } from './major-event-form';

/**
 * 报告重大情况 (or, with `record`, correcting one not yet acknowledged): the unit, kind, what
 * happened, what was done and what the unit needs from above; the server's refusals land on their field.
 */
export function MajorEventFormModal({
  campaignId,
  units,
  record,
  onClose,
}: {
  campaignId: string;
  /** The units the user may report for (the list answer's reportingUnits). */
  units: { unitId: string; unitLabel: string }[];
  record?: MajorEvent;
  onClose: () => void;
}) {
  const t = useT();
  const { create, edit, invalidate } = useMajorEventMutations(campaignId);
  const { form, saved, failed } = useFormModal<MajorEventValues>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  const unitId = Form.useWatch('unitId', form);
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('majorEvents.required', { field }) },
  ];

  const submit = (values: MajorEventValues) => {
    const body = majorEventBody(values);
    if (record) {
      const { unitId: _unit, ...rest } = body;
      edit.mutate(
        { id: record.id, body: { ...rest, version: record.version } },
        { onSuccess: () => saved(t('majorEvents.savedOk')), onError: failed },
      );
    } else create.mutate(body, { onSuccess: () => saved(t('majorEvents.reportedOk')), onError: failed });
  };

  const unitOptions = record
    ? [{ value: record.unitId, label: record.unitLabel }]
    : units.map((u) => ({ value: u.unitId, label: u.unitLabel }));
  return (
    <FormModal
      form={form}
      title={t(record ? 'majorEvents.editTitle' : 'majorEvents.report')}
      okText={record ? undefined : t('majorEvents.submit')}
      saving={create.isPending || edit.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={
        record
          ? majorEventValues(record)
          : { unitId: defaultReportingUnit(units), kind: 'major_situation', occurredOn: todayIso() }
      }
      width={680}
    >
      <Form.Item name="unitId" label={t('majorEvents.unit')} rules={required(t('majorEvents.unit'))}>
        <Select options={unitOptions} disabled={Boolean(record)} aria-label={t('majorEvents.unit')} />
      </Form.Item>
      <Form.Item name="kind" label={t('majorEvents.kind')} rules={required(t('majorEvents.kind'))}>
        <Select
          options={MAJOR_EVENT_KINDS.map((k) => ({ value: k, label: t(`majorEvents.kind.${k}`) }))}
          aria-label={t('majorEvents.kind')}
        />
      </Form.Item>
      <Form.Item name="title" label={t('majorEvents.title')} rules={required(t('majorEvents.title'))}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item
        name="occurredOn"
        label={t('majorEvents.occurredOn')}
        rules={[
          ...required(t('majorEvents.occurredOn')),
          {
            validator: async (_, v?: string | null) => {
              if (v && v > todayIso()) throw new Error(t('majorEvents.futureDate'));
            },
          },
        ]}
        {...dateField}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayIso()), 'day')} />
      </Form.Item>
      <Form.Item name="summary" label={t('majorEvents.summary')} rules={required(t('majorEvents.summary'))}>
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('majorEvents.summaryPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="measuresTaken"
        label={t('majorEvents.measuresTaken')}
        rules={required(t('majorEvents.measuresTaken'))}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="requests" label={t('majorEvents.requests')}>
        <Input.TextArea rows={2} maxLength={5000} placeholder={t('majorEvents.requestsPlaceholder')} />
      </Form.Item>
      <Form.Item name="caseId" label={t('majorEvents.case')} extra={t('majorEvents.caseHint')}>
        <CaseSelect
          campaignId={campaignId}
          unitId={unitId}
          known={
            record?.caseId
              ? { id: record.caseId, label: `${record.caseName ?? ''}（${record.caseNumber ?? ''}）` }
              : null
          }
        />
      </Form.Item>
    </FormModal>
  );
}
