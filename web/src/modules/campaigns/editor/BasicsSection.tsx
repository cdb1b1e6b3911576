import { Button, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { dateField, EditorSection } from './form-fields';
import { PredecessorSelect } from './PredecessorSelect';

/** One line per item (依据, 工作目标, 附件), each its own field so the server's `basis.1` lands on it. */
export function TextLines({
  name,
  label,
  placeholder,
  rows,
  addLabel,
}: {
  name: string;
  label: string;
  placeholder: string;
  rows?: number;
  addLabel: string;
}) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={label} className="rs-lines">
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <span className="rs-line-no">{i + 1}.</span>
                <Form.Item name={field.name} style={{ flex: 1, marginBottom: 0 }}>
                  {rows ? (
                    <Input.TextArea autoSize={{ minRows: rows, maxRows: 8 }} placeholder={placeholder} />
                  ) : (
                    <Input placeholder={placeholder} />
                  )}
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>
              {addLabel}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

/**
 * 基本信息: the issuing unit (a new plan only), name, 文号, issuing organ and date, recipients, the
 * superior documents it implements (依据) and its goals.
 */
export function BasicsSection({
  bureaus,
  isNew,
  onUnitChange,
}: {
  bureaus: { value: string; label: string }[];
  isNew: boolean;
  onUnitChange: (unitId: string) => void;
}) {
  const t = useT();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('campaigns.fieldRequired', { field }),
  });
  return (
    <EditorSection id="basics" title={t('campaigns.sectionBasics')}>
      <Row gutter={16}>
        {isNew && (
          <Col xs={24} md={12}>
            <Form.Item
              name="unitId"
              label={t('campaigns.issuingUnit')}
              extra={t('campaigns.issuingUnitHint')}
              rules={[{ required: true, message: t('campaigns.unitRequired') }]}
            >
              <Select
                options={bureaus}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={onUnitChange}
                placeholder={t('campaigns.issuingUnit')}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item name="name" label={t('campaigns.name')} rules={[required(t('campaigns.name')), { max: 200 }]}>
            <Input maxLength={200} placeholder={t('campaigns.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="docNumber" label={t('campaigns.docNumber')} extra={t('campaigns.docNumberHint')}>
            <Input maxLength={60} placeholder={t('campaigns.docNumberPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name="issuingOrgan"
            label={t('campaigns.issuingOrgan')}
            rules={[required(t('campaigns.issuingOrgan')), { max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="issueDate" label={t('campaigns.issueDate')} {...dateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="recipients" label={t('campaigns.recipients')}>
            <Input maxLength={300} placeholder={t('campaigns.recipientsPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="predecessorCampaignId"
            label={t('campaigns.predecessor')}
            extra={t('campaigns.predecessorHint')}
          >
            <PredecessorSelect />
          </Form.Item>
        </Col>
      </Row>
      <TextLines
        name="basis"
        label={t('campaigns.basis')}
        placeholder={t('campaigns.basisPlaceholder')}
        addLabel={t('campaigns.addBasis')}
      />
      <TextLines
        name="goals"
        label={t('campaigns.goals')}
        placeholder={t('campaigns.goalsPlaceholder')}
        rows={2}
        addLabel={t('campaigns.addGoal')}
      />
    </EditorSection>
  );
}
