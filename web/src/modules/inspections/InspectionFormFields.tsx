import { Button, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT, type MessageKey } from '../../locales/i18n';
import { dateField } from '../campaigns/editor/form-fields';
import { FormSection } from '../../lib/records/FormSection';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { CampaignSelect, CategorySelect, UnitTreeSelect, TaskSelect } from '../../lib/records/pickers';
import { useInspectionOptions } from './api';
import { isSeizureQuantity } from './inspection-form';
import { OutingEntitiesField } from '../market-entities/OutingEntitiesField';
import { INSPECTION_TYPE_KEYS, placeLabel, seizureUnitLabel } from './labels';

/* One column on a phone (xs), two on wider screens; every control fills its column. */
const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };
const full = { width: '100%' };

/** A count (人次, 家次, 批次 …): a whole number from 0, full width, with the phone's number keypad. */
function CountItem({
  name,
  label,
  min = 0,
  required,
  rules = [],
  dependencies,
}: {
  name: string;
  label: MessageKey;
  min?: number;
  required?: boolean;
  rules?: Rule[];
  dependencies?: string[];
}) {
  const t = useT();
  const text = t(label);
  return (
    <Form.Item
      name={name}
      label={text}
      dependencies={dependencies}
      rules={[...(required ? [{ required: true, message: t('inspections.required', { field: text }) }] : []), ...rules]}
    >
      <InputNumber
        min={min}
        max={1_000_000}
        precision={0}
        style={full}
        inputMode="numeric"
        placeholder={required ? undefined : '0'}
      />
    </Form.Item>
  );
}

/** "不合格批次" may not exceed its 批次. */
const notMoreThan =
  (other: string, message: string): Rule =>
  ({ getFieldValue }) => ({
    validator: (_, value: number | null | undefined) =>
      (value ?? 0) > (getFieldValue(other) ?? 0) ? Promise.reject(new Error(message)) : Promise.resolve(),
  });

/**
 * The fields of an inspection outing, in the order the outing is written down: where and when, who
 * went and what they checked, tests, seized goods, orders, findings, inspectors. Used by the entry
 * page and the edit page; laid out to be filled in on a phone.
 */
export function InspectionFormFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const campaignId: string | undefined = Form.useWatch('campaignId', form);
  const unitId: string | undefined = Form.useWatch('unitId', form);
  const options = useInspectionOptions();
  const required = (label: string) => [{ required: true, message: t('inspections.required', { field: label }) }];

  return (
    <>
      <FormSection title={t('inspections.sectionBasics')}>
        <Col {...half}>
          <Form.Item
            name="inspectionDate"
            label={t('inspections.date')}
            rules={required(t('inspections.date'))}
            {...dateField}
          >
            <DatePicker style={full} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="campaignId" label={t('inspections.campaign')} rules={required(t('inspections.campaign'))}>
            <CampaignSelect
              allowClear={false}
              style={full}
              onChange={() => form.setFieldsValue({ categoryCode: undefined, taskId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="categoryCode" label={t('inspections.category')} rules={required(t('inspections.category'))}>
            <CategorySelect campaignId={campaignId} allowClear={false} style={full} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="inspectionType" label={t('inspections.inspectionType')} initialValue="special">
            <Select
              options={(options.data?.inspectionTypes ?? []).map((o) => ({
                value: o.value,
                label: t(INSPECTION_TYPE_KEYS[o.value]),
              }))}
              loading={options.isFetching}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="taskId" label={t('records.task')}>
            <TaskSelect campaignId={campaignId} style={full} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="unitId" label={t('inspections.unit')} rules={required(t('inspections.unit'))}>
            <UnitTreeSelect campaignId={campaignId} allowClear={false} style={full} />
          </Form.Item>
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionOuting')}>
        <Col {...third}>
          <CountItem name="staffDeployed" label="inspections.staffDeployed" min={1} required />
        </Col>
        <Col {...third}>
          <CountItem name="vehicles" label="inspections.vehicles" />
        </Col>
        <Col {...third}>
          <CountItem name="entitiesInspected" label="inspections.entitiesInspected" required />
        </Col>
        <Col span={24}>
          <Form.Item name="places" label={t('inspections.places')}>
            <Checkbox.Group style={full}>
              <Row gutter={[8, 8]} style={full}>
                {(options.data?.places ?? []).map((p) => (
                  <Col key={p} xs={12} md={6}>
                    <Checkbox value={p}>{placeLabel(t, p)}</Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="focusArea" label={t('inspections.focusArea')} extra={t('inspections.focusAreaHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <CountItem name="unlicensedBanned" label="inspections.unlicensedBanned" />
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionEntities')}>
        <Col span={24}>
          <OutingEntitiesField unitId={unitId} />
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionTests')}>
        <Col {...third}>
          <CountItem name="rapidTestBatches" label="inspections.rapidTestBatches" />
        </Col>
        <Col {...third}>
          <CountItem name="rapidTestItems" label="inspections.rapidTestItems" />
        </Col>
        <Col {...third}>
          <CountItem
            name="rapidTestFailed"
            label="inspections.rapidTestFailed"
            dependencies={['rapidTestBatches']}
            rules={[notMoreThan('rapidTestBatches', t('inspections.rapidFailedTooMany'))]}
          />
        </Col>
        <Col {...third}>
          <CountItem name="samplingBatches" label="inspections.samplingBatches" />
        </Col>
        <Col {...third}>
          <CountItem name="samplingItems" label="inspections.samplingItems" />
        </Col>
        <Col {...third}>
          <CountItem
            name="samplingFailed"
            label="inspections.samplingFailed"
            dependencies={['samplingBatches']}
            rules={[notMoreThan('samplingBatches', t('inspections.samplingFailedTooMany'))]}
          />
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionSeizures')}>
        <Col span={24}>
          <Form.List name="seizures">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} align="top" className="rs-inspection-seizure">
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[field.name, 'goods']}
                        label={t('inspections.goods')}
                        rules={[{ required: true, whitespace: true, message: t('inspections.goodsRequired') }]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={6}>
                      <Form.Item
                        name={[field.name, 'quantity']}
                        label={t('inspections.quantity')}
                        rules={[
                          {
                            validator: (_, v) =>
                              isSeizureQuantity(v)
                                ? Promise.resolve()
                                : Promise.reject(new Error(t('inspections.quantityInvalid'))),
                          },
                        ]}
                      >
                        <Input inputMode="decimal" maxLength={17} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={5}>
                      <Form.Item
                        name={[field.name, 'unit']}
                        label={t('inspections.seizureUnit')}
                        rules={[{ required: true, message: t('inspections.seizureUnitRequired') }]}
                      >
                        <Select
                          options={(options.data?.seizureUnits ?? []).map((u) => ({
                            value: u,
                            label: seizureUnitLabel(t, u),
                          }))}
                          loading={options.isFetching}
                          aria-label={t('inspections.seizureUnit')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={3}>
                      <Form.Item label=" " colon={false}>
                        <Button
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('inspections.removeSeizure')}
                          title={t('inspections.removeSeizure')}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Flex vertical gap={4}>
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ goods: '', quantity: '' })}>
                    {t('inspections.addSeizure')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Flex>
              </>
            )}
          </Form.List>
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionRectification')}>
        <Col {...half}>
          <CountItem name="rectificationOrders" label="inspections.rectificationOrders" />
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionFindings')}>
        <Col span={24}>
          <Form.Item name="findings" label={t('inspections.findings')} extra={t('inspections.findingsHint')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Col>
      </FormSection>

      <FormSection title={t('inspections.sectionInspectors')}>
        <Col span={24}>
          <Form.Item
            name="inspectorIds"
            label={t('inspections.inspectors')}
            extra={unitId ? t('inspections.inspectorsHint') : t('inspections.inspectorsPickUnit')}
          >
            <PersonSelect role="handler" unitId={unitId} multiple />
          </Form.Item>
        </Col>
      </FormSection>
    </>
  );
}
