import { Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { dateField } from '../campaigns/editor/form-fields';
import { DISPOSAL_KINDS, useSeizedGoodsMutations, type SeizedGoods } from './api';
import { disposalBody, QUANTITY_PATTERN, type DisposalValues } from './seized-goods-form';

/**
 * 处置: part or all of the goods returned, confiscated, destroyed (with its method and at least two
 * witnesses) or handed over. The server refuses more than is held, on the quantity's field.
 */
export function DisposeModal({ record, onClose }: { record: SeizedGoods; onClose: () => void }) {
  const t = useT();
  const { dispose, invalidate } = useSeizedGoodsMutations();
  const { form, saved, failed } = useFormModal<DisposalValues>({ onClose, conflict: { invalidate, then: 'close' } });
  const kind = Form.useWatch('kind', form) ?? 'destroyed';
  const destroying = kind === 'destroyed';
  const required = (field: string) => [{ required: true, whitespace: true, message: t('seized.required', { field }) }];

  const submit = (values: DisposalValues) =>
    dispose.mutate(
      { id: record.id, body: disposalBody(values, record.version) },
      { onSuccess: () => saved(t('seized.disposedOk')), onError: failed },
    );

  return (
    <FormModal
      form={form}
      title={t('seized.disposeTitle', { goods: record.goods })}
      saving={dispose.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{
        kind: record.confiscatedQuantity === record.quantity ? 'destroyed' : 'confiscated',
        disposalDate: todayIso(),
        quantity: record.heldQuantity,
        witnesses: [],
      }}
      intro={
        <Typography.Paragraph type="secondary">
          {t('seized.disposeIntro', {
            quantity: `${record.quantity}${record.quantityUnit}`,
            held: `${record.heldQuantity}${record.quantityUnit}`,
            confiscated: `${record.confiscatedQuantity}${record.quantityUnit}`,
          })}
        </Typography.Paragraph>
      }
      width={680}
    >
      <Form.Item name="kind" label={t('seized.disposalKind')}>
        <Radio.Group
          optionType="button"
          options={DISPOSAL_KINDS.map((k) => ({ value: k, label: t(`seized.disposal.${k}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="disposalDate"
            label={t('seized.disposalDate')}
            rules={required(t('seized.disposalDate'))}
            {...dateField}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(todayIso()), 'day') || d.isBefore(dayjs(record.seizedDate), 'day')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="quantity"
            label={t('seized.disposalQuantity')}
            rules={[
              ...required(t('seized.disposalQuantity')),
              { pattern: QUANTITY_PATTERN, message: t('seized.quantityFormat') },
            ]}
          >
            <Input inputMode="decimal" maxLength={17} suffix={record.quantityUnit} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="method" label={t('seized.method')} rules={destroying ? required(t('seized.method')) : []}>
        <Input maxLength={200} placeholder={t('seized.methodPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="witnesses"
        label={t('seized.witnesses')}
        extra={destroying ? t('seized.witnessesHint') : undefined}
        rules={destroying ? [{ required: true, type: 'array', min: 2, message: t('seized.witnessesRequired') }] : []}
      >
        <Select
          mode="tags"
          open={false}
          tokenSeparators={[',', '，', '、', ' ']}
          placeholder={t('seized.witnessesPlaceholder')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="recipient"
            label={t('seized.recipient')}
            rules={kind === 'handed_over' ? required(t('seized.recipient')) : []}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="basis" label={t('seized.basis')}>
            <Input maxLength={200} placeholder={t('seized.basisPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('seized.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
