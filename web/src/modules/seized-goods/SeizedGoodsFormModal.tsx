import { useEffect, useState } from 'react';
import { AutoComplete, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { PendingPhotos, useQueuedForm } from '../../lib/offline/useQueuedForm';
import { CampaignSelect, CategorySelect, UnitTreeSelect } from '../../lib/records/pickers';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { todayIso } from '../../lib/records/today';
import { useCurrentUser } from '../auth/session';
import { dateField } from '../campaigns/editor/form-fields';
import { CaseSelect } from '../cases/CaseSelect';
import { EntitySelect } from '../samples/EntitySelect';
import { SEIZURE_MEASURES, useOutingSeizures, useSeizedGoodsMutations, type SeizedGoods } from './api';
import { QUANTITY_PATTERN, seizedGoodsBody, seizedGoodsValues, type SeizedGoodsValues } from './seized-goods-form';
import {
  NEW_SEIZED_GOODS_PATH,
  SEIZED_GOODS_ATTACHMENTS_PATH,
  seizedGoodsFieldLabels,
  seizedGoodsQueueLabel,
} from './seized-goods-offline';

/** Units of measure as the reports write them (the field takes any). */
const UNITS = ['公斤', '吨', '克', '升', '瓶', '箱', '袋', '包', '盒', '台', '件', '个', '套', '条'];

/**
 * 登记保管 (or, with `record`, correcting it): the goods, the measure, the exact quantity (typed as
 * text) and its unit, where they are kept and who keeps them. From an outing (`inspectionId`) its
 * 查扣物品 rows are offered and fill the goods, quantity, unit, plan, unit and category. The case and
 * the party are picked (a case of the user's scope, an entity of the register). Without a network
 * the record (with the photos taken with a new one) is queued; an edit carries its version, so a
 * change made on the server meanwhile becomes a conflict in the header's drawer.
 */
export function SeizedGoodsFormModal({
  inspectionId,
  campaignId,
  record,
  onClose,
  onSaved,
}: {
  inspectionId?: string;
  campaignId?: string;
  record?: SeizedGoods;
  onClose: () => void;
  onSaved?: (saved: SeizedGoods) => void;
}) {
  const t = useT();
  const user = useCurrentUser();
  const { create, update, invalidate } = useSeizedGoodsMutations();
  const { form, saved, failed } = useFormModal<SeizedGoodsValues>({ onClose, conflict: { invalidate, then: 'stay' } });
  const outingId = record?.inspectionId ?? inspectionId;
  const outing = useOutingSeizures(outingId ?? undefined);
  const chosenCampaign = Form.useWatch('campaignId', form) ?? record?.campaignId ?? campaignId;
  const chosenUnit = Form.useWatch('unitId', form) ?? record?.unitId ?? user.unitId;
  const required = (field: string) => [{ required: true, whitespace: true, message: t('seized.required', { field }) }];

  // The outing fixes the plan, unit, category and the earliest date.
  useEffect(() => {
    if (!outing.data || record) return;
    form.setFieldsValue({
      inspectionId: outing.data.id,
      campaignId: outing.data.campaignId,
      unitId: outing.data.unitId,
      categoryCode: outing.data.categoryCode,
      seizedDate: outing.data.inspectionDate,
    });
  }, [outing.data, record, form]);

  const pickSeizure = (id: string | undefined) => {
    const row = outing.data?.seizures.find((s) => s.id === id);
    if (row) form.setFieldsValue({ goods: row.goods, quantity: row.quantity, quantityUnit: row.unit });
  };

  const queued = useQueuedForm({ form, formPath: record || outingId ? undefined : NEW_SEIZED_GOODS_PATH });
  const [photos, setPhotos] = useState<File[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async (values: SeizedGoodsValues) => {
    const body = seizedGoodsBody(values);
    const common = { label: seizedGoodsQueueLabel(t, body), fieldLabels: seizedGoodsFieldLabels(t) };
    setSending(true);
    try {
      const result = record
        ? await queued.submit(() => update.mutateAsync({ id: record.id, body: { ...body, version: record.version } }), {
            ...common,
            method: 'PUT',
            path: `/api/seized-goods/${record.id}`,
            body: { ...body, version: record.version },
            baseVersion: record.version,
            recordPath: `/api/seized-goods/${record.id}`,
          })
        : await queued.submit(
            () => create.mutateAsync(body),
            {
              ...common,
              method: 'POST',
              path: '/api/seized-goods',
              body,
              attachmentsPath: SEIZED_GOODS_ATTACHMENTS_PATH,
            },
            photos,
          );
      if ('queued' in result) return saved(t('offline.queued'));
      saved(t('seized.savedOk'));
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
      title={t(record ? 'seized.editTitle' : 'seized.create')}
      saving={sending}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      intro={queued.alert}
      initialValues={
        record
          ? seizedGoodsValues(record)
          : {
              campaignId,
              unitId: user.unitId ?? undefined,
              measure: 'detained',
              seizedDate: todayIso(),
              custodianId: user.id,
              inspectionId: inspectionId ?? null,
            }
      }
      width={780}
    >
      <Form.Item name="inspectionId" hidden>
        <Input />
      </Form.Item>
      {outingId && outing.data && (
        <Form.Item
          name="inspectionSeizureId"
          label={t('seized.fromOuting', { date: outing.data.inspectionDate })}
          extra={t('seized.fromOutingHint')}
        >
          <Select
            allowClear
            aria-label={t('seized.outingSeizure')}
            placeholder={t('seized.outingSeizure')}
            onChange={pickSeizure}
            options={outing.data.seizures.map((s) => ({
              value: s.id,
              disabled: Boolean(s.registeredId) && s.registeredId !== record?.id,
              label: `${s.goods} ${s.quantity}${s.unit}${s.registeredId && s.registeredId !== record?.id ? ` · ${t('seized.alreadyRegistered')}` : ''}`,
            }))}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="campaignId" label={t('seized.campaign')} rules={required(t('seized.campaign'))}>
            <CampaignSelect disabled={Boolean(record) || Boolean(outingId)} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('seized.unit')} rules={required(t('seized.unit'))}>
            <UnitTreeSelect campaignId={chosenCampaign} allowClear={false} disabled={Boolean(outingId)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="categoryCode" label={t('seized.category')} rules={required(t('seized.category'))}>
            <CategorySelect campaignId={chosenCampaign} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="measure" label={t('seized.measure')}>
            <Select options={SEIZURE_MEASURES.map((m) => ({ value: m, label: t(`seized.measure.${m}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="goods" label={t('seized.goods')} rules={required(t('seized.goods'))}>
            <Input maxLength={200} placeholder={t('seized.goodsPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={14} md={8}>
          <Form.Item
            name="quantity"
            label={t('seized.quantity')}
            rules={[
              ...required(t('seized.quantity')),
              { pattern: QUANTITY_PATTERN, message: t('seized.quantityFormat') },
            ]}
          >
            <Input inputMode="decimal" maxLength={17} placeholder="3478" />
          </Form.Item>
        </Col>
        <Col xs={10} md={6}>
          <Form.Item name="quantityUnit" label={t('seized.quantityUnit')} rules={required(t('seized.quantityUnit'))}>
            <AutoComplete options={UNITS.map((u) => ({ value: u }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('seized.description')}>
        <Input maxLength={500} placeholder={t('seized.descriptionPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('seized.place')} rules={required(t('seized.place'))}>
            <Input maxLength={200} placeholder={t('seized.placePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="custodianId" label={t('seized.custodian')} rules={required(t('seized.custodian'))}>
            <PersonSelect
              role="handler"
              unitId={chosenUnit}
              known={record ? [{ id: record.custodianId, displayName: record.custodianName }] : []}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="seizedDate"
            label={t('seized.seizedDate')}
            rules={required(t('seized.seizedDate'))}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayIso()), 'day')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="caseId" label={t('seized.case')}>
            <CaseSelect
              initialLabel={record?.caseNumber}
              placeholder={t('seized.casePlaceholder')}
              ariaLabel={t('seized.case')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="entityId" label={t('seized.entity')} extra={t('seized.entityHint')}>
            <EntitySelect
              unitId={chosenUnit ?? undefined}
              initialLabel={record?.entityName}
              allowClear
              placeholder={t('seized.entityPlaceholder')}
              ariaLabel={t('seized.entity')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="ownerName" label={t('seized.owner')}>
        <Input maxLength={200} placeholder={t('seized.ownerPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('seized.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {!record && <PendingPhotos photos={photos} onChange={setPhotos} />}
      <Typography.Text type="secondary">{t('seized.formHint')}</Typography.Text>
    </FormModal>
  );
}
