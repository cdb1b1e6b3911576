import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { CampaignSelect, CategorySelect, TaskSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { todayIso } from '../../lib/records/today';
import { useCurrentUser } from '../auth/session';
import { dateField } from '../campaigns/editor/form-fields';
import { FOLLOW_UP_MEASURES, SAMPLE_KINDS, SAMPLE_RESULTS, useSampleMutations, type Sample } from './api';
import { EntitySelect } from './EntitySelect';
import { sampleBody, sampleValues, type SampleValues } from './sample-form';

/**
 * 登记抽检 (or, with `record`, correcting one and giving its result): the entity from the register
 * under the sampling unit; a fail needs its 不合格项目 and opens the 核查处置 with the measures, demand
 * and deadline given here. The server's refusals land on their field.
 */
export function SampleFormModal({
  campaignId,
  record,
  onClose,
  onSaved,
}: {
  campaignId?: string;
  record?: Sample;
  onClose: () => void;
  onSaved?: (saved: Sample) => void;
}) {
  const t = useT();
  const user = useCurrentUser();
  const { create, update, invalidate } = useSampleMutations();
  const { form, saved, failed } = useFormModal<SampleValues>({ onClose, conflict: { invalidate, then: 'stay' } });
  const chosenCampaign = Form.useWatch('campaignId', form) ?? campaignId ?? record?.campaignId;
  const unitId = Form.useWatch('unitId', form) ?? record?.unitId;
  const result = Form.useWatch('result', form) ?? record?.result ?? 'pending';
  const opensFollowUp = !record?.followUp;
  const required = (field: string) => [{ required: true, whitespace: true, message: t('samples.required', { field }) }];
  const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(todayIso()), 'day');

  const submit = (values: SampleValues) => {
    const body = sampleBody(values, opensFollowUp);
    const done = (s: Sample) => {
      saved(t('samples.savedOk'));
      onSaved?.(s);
    };
    if (record)
      update.mutate(
        { id: record.id, body: { ...body, version: record.version } },
        { onSuccess: done, onError: failed },
      );
    else create.mutate(body, { onSuccess: done, onError: failed });
  };

  return (
    <FormModal
      form={form}
      title={t(record ? 'samples.editTitle' : 'samples.create')}
      saving={create.isPending || update.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={
        record
          ? sampleValues(record)
          : {
              campaignId,
              unitId: user.unitId ?? undefined,
              sampledDate: todayIso(),
              sampleKind: 'supervision',
              result: 'pending',
              measures: ['off_shelf'],
            }
      }
      width={800}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="campaignId" label={t('samples.campaign')} rules={required(t('samples.campaign'))}>
            <CampaignSelect disabled={Boolean(campaignId) || Boolean(record)} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="categoryCode" label={t('samples.category')} rules={required(t('samples.category'))}>
            <CategorySelect campaignId={chosenCampaign} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('samples.unit')} rules={required(t('samples.unit'))}>
            <UnitTreeSelect campaignId={chosenCampaign} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="entityId" label={t('samples.entity')} rules={required(t('samples.entity'))}>
            <EntitySelect unitId={unitId} initialLabel={record?.entityName} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="product" label={t('samples.product')} rules={required(t('samples.product'))}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="brandSpec" label={t('samples.brandSpec')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="batch" label={t('samples.batch')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="sampledDate"
            label={t('samples.sampledDate')}
            rules={required(t('samples.sampledDate'))}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="sampleKind" label={t('samples.sampleKind')}>
            <Select
              aria-label={t('samples.sampleKind')}
              options={SAMPLE_KINDS.map((k) => ({ value: k, label: t(`samples.kind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="lab" label={t('samples.lab')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="result" label={t('samples.result')}>
        <Radio.Group
          optionType="button"
          options={SAMPLE_RESULTS.map((r) => ({ value: r, label: t(`samples.result.${r}`) }))}
        />
      </Form.Item>
      {result !== 'pending' && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="resultDate" label={t('samples.resultDate')} {...dateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reportNumber" label={t('samples.reportNumber')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {result === 'fail' && (
        <>
          <Form.Item
            name="failedItems"
            label={t('samples.failedItems')}
            extra={t('samples.failedItemsHint')}
            rules={required(t('samples.failedItems'))}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {opensFollowUp && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="measures" label={t('samples.followUpMeasures')}>
                  <Checkbox.Group
                    options={FOLLOW_UP_MEASURES.map((m) => ({ value: m, label: t(`samples.measure.${m}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="deadline"
                  label={t('samples.followUpDeadline')}
                  extra={t('samples.followUpDeadlineHint')}
                  {...dateField}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="demand" label={t('samples.followUpDemand')} extra={t('samples.followUpDemandHint')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </>
      )}
      <Form.Item name="taskId" label={t('samples.task')}>
        <TaskSelect campaignId={chosenCampaign} />
      </Form.Item>
    </FormModal>
  );
}
