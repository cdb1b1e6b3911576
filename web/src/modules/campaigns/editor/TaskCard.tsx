import { Col, Form, Input, Row, Select, Tag } from 'antd';
import type { FormListFieldData } from 'antd';
import { useT } from '../../../locales/i18n';
import { ListItem } from './form-fields';

type Options = { label: string; options: { value: string; label: string }[] }[];

interface Props {
  field: FormListFieldData;
  index: number;
  total: number;
  /** Deployed by the superior's plan: its title, content and category stay as they are. */
  inherited: boolean;
  unitOptions: Options;
  categoryOptions: { value: string; label: string }[];
  onRemove: () => void;
  onMove: (from: number, to: number) => void;
}

/** One task (重点任务): what, which category, what it focuses on, who leads (牵头) and who cooperates (配合). */
export function TaskCard({ field, index, total, inherited, unitOptions, categoryOptions, onRemove, onMove }: Props) {
  const t = useT();
  const form = Form.useFormInstance();
  const name = field.name;
  // `preserve`: these fields are shown only while they hold names, so the store is read, not the fields.
  const pendingLead: string[] = Form.useWatch(['tasks', name, 'pendingLeadRoles'], { form, preserve: true }) ?? [];
  const pendingCooperating: string[] =
    Form.useWatch(['tasks', name, 'pendingCooperatingRoles'], { form, preserve: true }) ?? [];
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('campaigns.fieldRequired', { field: label }),
  });
  const unitSelect = (label: string) => (
    <Select
      mode="multiple"
      allowClear
      options={unitOptions}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('campaigns.pickUnits')}
      aria-label={label}
    />
  );
  const tags = (label: string) => (
    <Select
      mode="tags"
      open={false}
      suffixIcon={null}
      tokenSeparators={['、', '，', ',']}
      placeholder={t('campaigns.tagsPlaceholder')}
      aria-label={label}
    />
  );

  return (
    <ListItem
      title={
        <span>
          {t('campaigns.taskNo', { no: index + 1 })}
          {inherited && (
            <Tag style={{ marginInlineStart: 8 }} color="purple">
              {t('campaigns.inheritedTask')}
            </Tag>
          )}
        </span>
      }
      onRemove={onRemove}
      removeDisabled={inherited && t('campaigns.inheritedTaskLocked')}
      onMoveUp={index > 0 ? () => onMove(index, index - 1) : undefined}
      onMoveDown={index < total - 1 ? () => onMove(index, index + 1) : undefined}
    >
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Form.Item
            name={[name, 'title']}
            label={t('campaigns.taskTitle')}
            rules={[required(t('campaigns.taskTitle'))]}
          >
            <Input maxLength={200} disabled={inherited} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={5}>
          <Form.Item name={[name, 'area']} label={t('campaigns.taskArea')} rules={[required(t('campaigns.taskArea'))]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={7}>
          <Form.Item
            name={[name, 'categoryCode']}
            label={t('campaigns.taskCategory')}
            rules={[{ required: true, message: t('campaigns.categoryRequired') }]}
          >
            <Select options={categoryOptions} disabled={inherited} placeholder={t('campaigns.taskCategory')} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'leadUnitIds']} label={t('campaigns.leadUnits')}>
            {unitSelect(t('campaigns.leadUnits'))}
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'cooperatingUnitIds']} label={t('campaigns.cooperatingUnits')}>
            {unitSelect(t('campaigns.cooperatingUnits'))}
          </Form.Item>
        </Col>
        {/* Role names the plan printed that no unit holds yet, under the picker they belong to. */}
        {(pendingLead.length > 0 || pendingCooperating.length > 0) && (
          <>
            <Col xs={24} lg={12}>
              {pendingLead.length > 0 && (
                <Form.Item
                  name={[name, 'pendingLeadRoles']}
                  label={<Tag color="orange">{t('campaigns.pendingLeadLabel')}</Tag>}
                  extra={t('campaigns.pendingHint')}
                >
                  {tags(t('campaigns.pendingLeadLabel'))}
                </Form.Item>
              )}
            </Col>
            <Col xs={24} lg={12}>
              {pendingCooperating.length > 0 && (
                <Form.Item
                  name={[name, 'pendingCooperatingRoles']}
                  label={<Tag color="orange">{t('campaigns.pendingCooperatingLabel')}</Tag>}
                  extra={t('campaigns.pendingHint')}
                >
                  {tags(t('campaigns.pendingCooperatingLabel'))}
                </Form.Item>
              )}
            </Col>
          </>
        )}
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'focusProducts']} label={t('campaigns.focusProducts')}>
            {tags(t('campaigns.focusProducts'))}
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'focusPlaces']} label={t('campaigns.focusPlaces')}>
            {tags(t('campaigns.focusPlaces'))}
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'focusAreas']} label={t('campaigns.focusAreas')}>
            {tags(t('campaigns.focusAreas'))}
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[name, 'content']} label={t('campaigns.taskContent')} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} disabled={inherited} />
          </Form.Item>
        </Col>
      </Row>
    </ListItem>
  );
}
