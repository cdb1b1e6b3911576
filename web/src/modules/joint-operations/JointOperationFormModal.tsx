import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { AuthoritySelect, useAuthorityLabel, type AuthorityKind } from '../../lib/records/authorities';
import { CampaignSelect, TaskSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { todayIso } from '../../lib/records/today';
import { useCurrentUser } from '../auth/session';
import { dateField } from '../campaigns/editor/form-fields';
import { JOINT_OPERATION_KINDS, useJointOperationMutations, type JointOperation } from './api';
import { jointOperationBody, jointOperationValues, type JointOperationValues } from './joint-operation-form';

/**
 * 登记联合执法 (or, with `record`, correcting one): a joint action with its figures, or a 联席会议 with
 * its attendees and 议定事项; the departments from the shared list of authorities. The server's
 * refusals (no department, an end before the start …) land on their field.
 */
export function JointOperationFormModal({
  campaignId,
  record,
  onClose,
  onSaved,
}: {
  /** Fixed when opened from a campaign's tab. */
  campaignId?: string;
  record?: JointOperation;
  onClose: () => void;
  onSaved?: (saved: JointOperation) => void;
}) {
  const t = useT();
  const user = useCurrentUser();
  const authorityLabel = useAuthorityLabel();
  const { create, update, invalidate } = useJointOperationMutations();
  const { form, saved, failed } = useFormModal<JointOperationValues>({
    onClose,
    conflict: { invalidate, then: 'stay' },
  });
  const kind = Form.useWatch('kind', form) ?? record?.kind ?? 'joint_action';
  const chosenCampaign = Form.useWatch('campaignId', form) ?? campaignId ?? record?.campaignId;
  const departments: AuthorityKind[] = Form.useWatch('departments', form) ?? [];
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('jointOps.required', { field }) },
  ];

  const submit = (values: JointOperationValues) => {
    const body = jointOperationBody(values);
    const done = (op: JointOperation) => {
      saved(t('jointOps.savedOk'));
      onSaved?.(op);
    };
    if (record)
      update.mutate(
        { id: record.id, body: { ...body, version: record.version } },
        { onSuccess: done, onError: failed },
      );
    else create.mutate(body, { onSuccess: done, onError: failed });
  };

  const figure = (name: keyof JointOperationValues, label: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal
      form={form}
      title={t(record ? 'jointOps.editTitle' : 'jointOps.create')}
      saving={create.isPending || update.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={
        record
          ? jointOperationValues(record)
          : {
              campaignId,
              unitId: user.unitId ?? undefined,
              kind: 'joint_action',
              startDate: todayIso(),
              departments: [],
              leadDepartment: 'self',
            }
      }
      width={760}
    >
      <Form.Item name="kind" label={t('jointOps.kind')}>
        <Radio.Group
          options={JOINT_OPERATION_KINDS.map((k) => ({ value: k, label: t(`jointOps.kind.${k}`) }))}
          optionType="button"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="campaignId" label={t('jointOps.campaign')} rules={required(t('jointOps.campaign'))}>
            <CampaignSelect disabled={Boolean(campaignId) || Boolean(record)} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('jointOps.unit')} rules={required(t('jointOps.unit'))}>
            <UnitTreeSelect campaignId={chosenCampaign} allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('jointOps.title')} rules={required(t('jointOps.title'))}>
        <Input maxLength={200} placeholder={t('jointOps.titlePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="startDate"
            label={t('jointOps.startDate')}
            rules={required(t('jointOps.startDate'))}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayIso()), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="endDate" label={t('jointOps.endDate')} extra={t('jointOps.endDateHint')} {...dateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="location" label={t('jointOps.location')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="departments"
            label={t('jointOps.departments')}
            rules={[{ required: true, type: 'array', min: 1, message: t('jointOps.departmentsRequired') }]}
          >
            <AuthoritySelect multiple placeholder={t('jointOps.departmentsPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="leadDepartment" label={t('jointOps.lead')}>
            <Select
              aria-label={t('jointOps.lead')}
              options={[
                { value: 'self', label: t('jointOps.leadSelf') },
                ...departments.map((d) => ({ value: d, label: authorityLabel(d) })),
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="departmentNames" label={t('jointOps.departmentNames')}>
        <Input maxLength={500} placeholder={t('jointOps.departmentNamesPlaceholder')} />
      </Form.Item>
      <Form.Item name="content" label={t('jointOps.content')} rules={required(t('jointOps.content'))}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {kind === 'joint_action' ? (
        <Row gutter={16}>
          {figure('staffDeployed', t('jointOps.staffDeployed'))}
          {figure('entitiesInspected', t('jointOps.entitiesInspected'))}
          {figure('problemsFound', t('jointOps.problemsFound'))}
          {figure('casesFiled', t('jointOps.casesFiled'))}
        </Row>
      ) : (
        <>
          <Form.Item name="attendees" label={t('jointOps.attendees')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="decisions" label={t('jointOps.decisions')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </>
      )}
      <Form.Item name="results" label={t('jointOps.results')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="taskId" label={t('jointOps.task')}>
        <TaskSelect campaignId={chosenCampaign} />
      </Form.Item>
    </FormModal>
  );
}
