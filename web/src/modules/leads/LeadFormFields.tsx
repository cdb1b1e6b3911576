import { Alert, Col, DatePicker, Form, Input, Select, Switch } from 'antd';
import { useT } from '../../locales/i18n';
import { dateField } from '../campaigns/editor/form-fields';
import { FormSection } from '../../lib/records/FormSection';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { CampaignSelect, CategorySelect, UnitTreeSelect, TaskSelect } from '../../lib/records/pickers';
import { LEAD_SOURCES } from './api';

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/**
 * The fields of a lead: where it goes (campaign, category, unit), where it came from, what it says,
 * who complained. The handlers are named at registration only (`withHandlers`); afterwards the
 * handling unit's office or leader assigns them on the lead's page (LeadHandlersCard).
 */
export function LeadFormFields({ withHandlers = true }: { withHandlers?: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const campaignId: string | undefined = Form.useWatch('campaignId', form);
  const unitId: string | undefined = Form.useWatch('unitId', form);
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('cases.required', { field: label }) },
  ];

  return (
    <>
      <FormSection title={t('leads.sectionLead')}>
        <Col {...half}>
          <Form.Item name="source" label={t('leads.source')} rules={required(t('leads.source'))}>
            <Select
              options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`leadSource.${s}`) }))}
              placeholder={t('leads.source')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="sourceNumber" label={t('leads.sourceNumber')} extra={t('leads.sourceNumberHint')}>
            <Input maxLength={60} className="rs-mono" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="receivedDate"
            label={t('leads.receivedDate')}
            rules={required(t('leads.receivedDate'))}
            extra={t('leads.receivedDateHint')}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="important"
            label={t('leads.important')}
            valuePropName="checked"
            extra={t('leads.importantHint')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="partyName" label={t('leads.partyName')} rules={required(t('leads.partyName'))}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('leads.description')} rules={required(t('leads.description'))}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Col>
      </FormSection>

      <FormSection title={t('leads.sectionTarget')}>
        <Col {...half}>
          <Form.Item name="campaignId" label={t('records.campaign')} rules={required(t('records.campaign'))}>
            <CampaignSelect
              allowClear={false}
              onChange={() => form.setFieldsValue({ categoryCode: undefined, taskId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="categoryCode" label={t('records.category')} rules={required(t('records.category'))}>
            <CategorySelect campaignId={campaignId} allowClear={false} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="taskId" label={t('records.task')}>
            <TaskSelect campaignId={campaignId} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="unitId" label={t('leads.unit')} rules={required(t('leads.unit'))}>
            <UnitTreeSelect campaignId={campaignId} allowClear={false} />
          </Form.Item>
        </Col>
        {withHandlers && (
          <Col {...half}>
            <Form.Item name="handlerIds" label={t('leads.handlers')} extra={t('leads.handlersHint')}>
              <PersonSelect role="handler" unitId={unitId} multiple />
            </Form.Item>
          </Col>
        )}
      </FormSection>

      <FormSection title={t('leads.sectionComplainant')}>
        <Col span={24}>
          <Alert type="info" showIcon title={t('leads.complainantPrivacy')} style={{ marginBottom: 16 }} />
        </Col>
        <Col {...third}>
          <Form.Item name="complainantName" label={t('leads.complainantName')}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="complainantPhone" label={t('leads.complainantPhone')}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="complainantIdNumber" label={t('leads.complainantIdNumber')}>
            <Input maxLength={18} autoComplete="off" className="rs-mono" />
          </Form.Item>
        </Col>
      </FormSection>
    </>
  );
}
