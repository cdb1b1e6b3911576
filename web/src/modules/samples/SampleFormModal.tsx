import { useState } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { PendingPhotos, useQueuedForm } from '../../lib/offline/useQueuedForm';
import { CampaignSelect, CategorySelect, TaskSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { todayIso } from '../../lib/records/today';
import { useCurrentUser } from '../auth/session';
import { dateField } from '../campaigns/editor/form-fields';
import { FOLLOW_UP_MEASURES, SAMPLE_KINDS, SAMPLE_RESULTS, useSampleMutations, type Sample } from './api';
import { EntitySelect } from './EntitySelect';
import { sampleBody, sampleValues, type SampleValues } from './sample-form';
import {
  NEW_SAMPLE_PATH,
  SAMPLE_ATTACHMENTS_PATH,
  sampleBodyToValues,
  sampleFieldLabels,
  sampleQueueLabel,
} from './sample-offline';

/**
 * 登记抽检 (or, with `record`, correcting one and giving its result): the entity from the register
 * under the sampling unit; a fail needs its 不合格项目 and opens the 核查处置 with the measures, demand
 * and deadline given here. The server's refusals land on their field. Without a network the record
 * (with the photos taken with a new one) is queued; an edit carries its version, so a change made
 * on the server meanwhile becomes a conflict in the header's drawer.
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

  const queued = useQueuedForm({ form, formPath: record ? undefined : NEW_SAMPLE_PATH, toValues: sampleBodyToValues });
  const [photos, setPhotos] = useState<File[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async (values: SampleValues) => {
    const body = sampleBody(values, opensFollowUp);
    const common = { label: sampleQueueLabel(t, body), fieldLabels: sampleFieldLabels(t) };
    setSending(true);
    try {
      const result = record
        ? await queued.submit(() => update.mutateAsync({ id: record.id, body: { ...body, version: record.version } }), {
            ...common,
            method: 'PUT',
            path: `/api/samples/${record.id}`,
            body: { ...body, version: record.version },
            baseVersion: record.version,
            recordPath: `/api/samples/${record.id}`,
          })
        : await queued.submit(
            () => create.mutateAsync(body),
            { ...common, method: 'POST', path: '/api/samples', body, attachmentsPath: SAMPLE_ATTACHMENTS_PATH },
            photos,
          );
      if ('queued' in result) return saved(t('offline.queued'));
      saved(t('samples.savedOk'));
      onSaved?.(result.sent);
    } catch (e) {
      failed(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <FormModal
      form={form}
      title={t(record ? 'samples.editTitle' : 'samples.create')}
      saving={sending}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      intro={queued.alert}
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
      {!record && <PendingPhotos photos={photos} onChange={setPhotos} />}
    </FormModal>
  );
}
