import { Col, DatePicker, Form, Input, Radio } from 'antd';
import { useT } from '../../locales/i18n';
import { dateField } from '../campaigns/editor/form-fields';
import { CaseOutcomeFields } from './CaseOutcomeFields';
import { useNextCaseNumber } from './api';
import { FormSection } from '../../lib/records/FormSection';
import { PersonSelect, type Person } from '../../lib/records/PersonSelect';
import { CampaignSelect, CategorySelect, UnitTreeSelect, TaskSelect } from '../../lib/records/pickers';

const half = { xs: 24, md: 12 };

/**
 * Every field of a case (annex 3 of seed 004, and the ledger's), in groups. `campaignId` fixes the
 * campaign and hides it with the unit (a lead filed as a case keeps its own); `known` are the people
 * the case already names, offered before the list of candidates loads. People are offered from the
 * handling unit's line only (the server's rule); `unitId` gives the unit when the form has no field for it.
 */
export function CaseFormFields({
  campaignId: fixedCampaign,
  unitId: fixedUnit,
  known = [],
}: {
  campaignId?: string;
  unitId?: string;
  known?: (Person | null)[];
}) {
  const t = useT();
  const form = Form.useFormInstance();
  const watchedCampaign: string | undefined = Form.useWatch('campaignId', form);
  const campaignId = fixedCampaign ?? watchedCampaign;
  const partyKind = Form.useWatch('partyKind', form);
  const approver: string | undefined = Form.useWatch('filingApproverId', form);
  const investigator: string | undefined = Form.useWatch('investigatorId', form);
  const watchedUnit: string | undefined = Form.useWatch('unitId', form);
  const unitId = fixedUnit ?? watchedUnit;
  const nextNumber = useNextCaseNumber(unitId);
  const required = (label: string) => [{ required: true, message: t('cases.required', { field: label }) }];

  return (
    <>
      <FormSection title={t('cases.cardBasics')}>
        {!fixedCampaign && (
          <>
            <Col {...half}>
              <Form.Item name="campaignId" label={t('cases.campaign')} rules={required(t('cases.campaign'))}>
                <CampaignSelect
                  allowClear={false}
                  onChange={() => form.setFieldsValue({ categoryCode: undefined, taskId: undefined })}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="unitId"
                label={t('cases.unit')}
                rules={required(t('cases.unit'))}
                tooltip={t('cases.unitHint')}
              >
                <UnitTreeSelect campaignId={campaignId} allowClear={false} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col {...half}>
          <Form.Item name="categoryCode" label={t('cases.category')} rules={required(t('cases.category'))}>
            <CategorySelect campaignId={campaignId} allowClear={false} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="taskId" label={t('records.task')}>
            <TaskSelect campaignId={campaignId} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="caseNumber"
            label={t('cases.caseNumber')}
            extra={nextNumber.data ? t('cases.caseNumberAuto', { number: nextNumber.data.caseNumber }) : undefined}
          >
            <Input maxLength={60} placeholder={nextNumber.data?.caseNumber ?? t('cases.caseNumberPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="name" label={t('cases.name')} rules={required(t('cases.name'))}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="filingDate"
            label={t('cases.filingDate')}
            rules={required(t('cases.filingDate'))}
            {...dateField}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="chainStage" label={t('cases.chainStage')}>
            <Radio.Group
              options={[
                { value: 'production', label: t('chainStage.production') },
                { value: 'distribution', label: t('chainStage.distribution') },
                { value: null, label: t('cases.notStated') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="otherProvinces" label={t('cases.otherProvinces')}>
            <Input maxLength={200} placeholder={t('cases.otherProvincesPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="summary" label={t('cases.summary')}>
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
        </Col>
      </FormSection>

      <FormSection title={t('cases.cardParty')}>
        <Col {...half}>
          <Form.Item name="partyKind" label={t('cases.partyKind')} rules={required(t('cases.partyKind'))}>
            <Radio.Group
              optionType="button"
              onChange={(e) => e.target.value === 'person' && form.setFieldsValue({ partyCreditCode: null })}
              options={[
                { value: 'company', label: t('partyKind.company') },
                { value: 'person', label: t('partyKind.person') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="partyName" label={t('cases.partyName')} rules={required(t('cases.party'))}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="partyCreditCode"
            label={t('cases.partyCreditCode')}
            extra={partyKind === 'person' ? t('cases.creditCodePerson') : t('cases.creditCodeHint')}
          >
            <Input
              maxLength={18}
              disabled={partyKind === 'person'}
              style={{ textTransform: 'uppercase' }}
              className="rs-mono"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="licenceInfo" label={t('cases.licenceInfo')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </FormSection>

      <FormSection title={t('cases.cardPeople')}>
        <Col {...half}>
          <Form.Item
            name="filingApproverId"
            label={t('cases.filingApprover')}
            rules={required(t('cases.filingApprover'))}
          >
            <PersonSelect role="leader" unitId={unitId} known={known} exclude={[investigator]} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="investigatorId" label={t('cases.investigator')} rules={required(t('cases.investigator'))}>
            <PersonSelect role="handler" unitId={unitId} known={known} exclude={[approver]} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="contactName" label={t('cases.contactName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="contactPhone" label={t('cases.contactPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </FormSection>

      <CaseOutcomeFields />
    </>
  );
}
