import { Checkbox, Col, DatePicker, Form, Input, Select, Switch } from 'antd';
import { useT } from '../../locales/i18n';
import { dateField } from '../campaigns/editor/form-fields';
import { OTHER_MEASURES } from './api';
import { YUAN_PATTERN } from './case-form';
import { FormSection } from '../../lib/records/FormSection';
import { measureKey } from './case-labels';

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/** The money (元), the handling (处罚、移送、通报、公开) and the ledger's marks of a case. */
export function CaseOutcomeFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const mediated = Form.useWatch('mediated', form);
  const judiciary = Form.useWatch('transferredToJudiciary', form);
  const police = Form.useWatch('transferredToPolice', form);
  const supervised = Form.useWatch('supervisionLevel', form);
  const yuan = [{ pattern: YUAN_PATTERN, message: t('cases.yuanInvalid') }];
  const money = (name: string, label: string, disabled = false) => (
    <Col {...half} key={name}>
      <Form.Item name={name} label={label} rules={yuan}>
        <Input suffix={t('cases.yuan')} inputMode="decimal" disabled={disabled} className="rs-money-input" />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <FormSection title={t('cases.cardMoney')}>
        {money('amountInvolved', t('cases.amountInvolved'))}
        {money('fine', t('cases.fine'))}
        {money('confiscated', t('cases.confiscated'))}
        {money('lossesRecovered', t('cases.lossesRecovered'))}
        <Col {...half}>
          <Form.Item name="mediated" label={t('cases.mediated')} valuePropName="checked">
            <Switch onChange={(on) => !on && form.setFieldsValue({ compensation: '0' })} />
          </Form.Item>
        </Col>
        {money('compensation', t('cases.compensation'), !mediated)}
      </FormSection>

      <FormSection title={t('cases.cardHandling')}>
        <Col span={24}>
          <Form.Item name="penaltyContent" label={t('cases.penaltyContent')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="otherMeasures" label={t('cases.otherMeasures')}>
            <Checkbox.Group options={OTHER_MEASURES.map((m) => ({ value: m, label: t(measureKey(m)) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="transferredToJudiciary" label={t('cases.transferredToJudiciary')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="judiciaryTransferDate" label={t('cases.judiciaryTransferDate')} {...dateField}>
            <DatePicker style={{ width: '100%' }} disabled={!judiciary} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="transferredToPolice" label={t('cases.transferredToPolice')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="policeTransferDate" label={t('cases.policeTransferDate')} {...dateField}>
            <DatePicker style={{ width: '100%' }} disabled={!police} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="notifiedTo" label={t('cases.notifiedTo')} extra={t('cases.notifiedToHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="notificationDate" label={t('cases.notificationDate')} {...dateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="published" label={t('cases.published')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </FormSection>

      <FormSection title={t('cases.cardFlags')}>
        <Col {...third}>
          <Form.Item name="typical" label={t('cases.typical')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="online" label={t('cases.online')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="rural" label={t('cases.rural')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="supervisionLevel" label={t('cases.supervisionLevel')}>
            <Select
              allowClear
              placeholder={t('cases.notSupervised')}
              onChange={(v) => !v && form.setFieldsValue({ supervisionDeadline: null })}
              options={[
                { value: 'self', label: t('supervisionLevel.self') },
                { value: 'superior', label: t('supervisionLevel.superior') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="supervisionDeadline" label={t('cases.supervisionDeadline')} {...dateField}>
            <DatePicker style={{ width: '100%' }} disabled={!supervised} />
          </Form.Item>
        </Col>
      </FormSection>
    </>
  );
}
