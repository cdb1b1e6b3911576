import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { EditorSection, ListItem } from './form-fields';

type Options = { label: string; options: { value: string; label: string }[] }[];

const ROLES = ['组长', '副组长', '成员'] as const;
/** How a KPI is measured and over which period (the server's KPI_MEASURES and KPI_PERIODS). */
const KPI_MEASURES = [
  'random_check_coverage',
  'publication_rate',
  'typical_cases_closed',
  'important_leads',
  'report_on_time_rate',
  'rectification_closure_rate',
  'manual',
  'none',
] as const;
const KPI_PERIODS = ['year', 'month', 'campaign'] as const;
const COMPARATORS = [
  { value: '>=', label: '≥' },
  { value: '>', label: '>' },
  { value: '<=', label: '≤' },
  { value: '<', label: '<' },
  { value: '=', label: '=' },
];

/**
 * 组织领导与考核: the participating units, the leadership group (组长 / 副组长 / 成员) and its
 * office, and the KPI targets (双随机抽查覆盖率 ≥ 5% …).
 */
export function OrganisationSection({ scopeOptions, scopeIds }: { scopeOptions: Options; scopeIds: string[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('campaigns.fieldRequired', { field }),
  });

  return (
    <EditorSection id="organisation" title={t('campaigns.sectionOrganisation')}>
      <Form.Item
        label={
          <Space>
            <span>{t('campaigns.participants')}</span>
            <Button size="small" type="link" onClick={() => form.setFieldValue('participantUnitIds', scopeIds)}>
              {t('campaigns.selectAllUnits')}
            </Button>
            <Button size="small" type="link" onClick={() => form.setFieldValue('participantUnitIds', [])}>
              {t('campaigns.clearUnits')}
            </Button>
          </Space>
        }
        extra={t('campaigns.participantsHint')}
      >
        <Form.Item name="participantUnitIds" noStyle>
          <Select
            mode="multiple"
            options={scopeOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('campaigns.pickUnits')}
            aria-label={t('campaigns.participants')}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="officeUnitId"
        label={t('campaigns.officeUnit')}
        extra={t('campaigns.officeUnitHint')}
        style={{ maxWidth: 420 }}
      >
        <Select
          allowClear
          options={scopeOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('campaigns.officeUnit')}
        />
      </Form.Item>

      <div id="leadership">
        <Typography.Title level={5}>{t('campaigns.leadershipGroup')}</Typography.Title>
      </div>
      <Form.List name="leadership">
        {(fields, { add, remove, move }, { errors }) => (
          <Flex vertical gap={0} style={{ marginBottom: 24 }}>
            {fields.length > 0 && (
              <Row gutter={12} className="rs-list-head">
                <Col span={4}>{t('campaigns.memberRole')}</Col>
                <Col span={6}>{t('campaigns.memberName')}</Col>
                <Col span={11}>{t('campaigns.memberTitle')}</Col>
              </Row>
            )}
            {fields.map((field, i) => (
              <Row key={field.key} gutter={12}>
                <Col span={4}>
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[
                      { required: true, message: t('campaigns.fieldRequired', { field: t('campaigns.memberRole') }) },
                    ]}
                  >
                    <Select
                      options={ROLES.map((r) => ({ value: r, label: t(`leadershipRole.${r}`) }))}
                      aria-label={t('campaigns.memberRole')}
                    />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'name']}>
                    <Input maxLength={20} aria-label={t('campaigns.memberName')} />
                  </Form.Item>
                </Col>
                <Col span={11}>
                  <Form.Item name={[field.name, 'title']}>
                    <Input
                      maxLength={100}
                      placeholder={t('campaigns.memberTitlePlaceholder')}
                      aria-label={t('campaigns.memberTitle')}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Space size={0}>
                    <Button
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('campaigns.moveUp')}
                    />
                    <Button type="text" danger onClick={() => remove(field.name)}>
                      {t('common.delete')}
                    </Button>
                  </Space>
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => add({ role: fields.length === 0 ? '组长' : '成员', name: '', title: '' })}
            >
              {t('campaigns.addMember')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('campaigns.kpis')}</Typography.Title>
      <Form.List name="kpis">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <ListItem key={field.key} title={t('campaigns.kpiNo', { no: i + 1 })} onRemove={() => remove(field.name)}>
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('campaigns.kpiName')}
                      rules={[required(t('campaigns.kpiName'))]}
                    >
                      <Input maxLength={100} placeholder={t('campaigns.kpiNamePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item
                      name={[field.name, 'comparator']}
                      label={t('campaigns.kpiComparator')}
                      rules={[{ required: true }]}
                    >
                      <Select options={COMPARATORS} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Form.Item
                      name={[field.name, 'target']}
                      label={t('campaigns.kpiTarget')}
                      rules={[
                        { required: true, message: t('campaigns.fieldRequired', { field: t('campaigns.kpiTarget') }) },
                      ]}
                    >
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Form.Item name={[field.name, 'unit']} label={t('campaigns.kpiUnit')}>
                      <Input maxLength={10} placeholder="%" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'measure']} label={t('kpis.measure')}>
                      <Select options={KPI_MEASURES.map((m) => ({ value: m, label: t(`kpis.measure.${m}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'period']} label={t('kpis.periodField')}>
                      <Select options={KPI_PERIODS.map((p) => ({ value: p, label: t(`kpis.periodKind.${p}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name={[field.name, 'description']}
                      label={t('campaigns.kpiDescription')}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                    </Form.Item>
                  </Col>
                </Row>
              </ListItem>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                add({
                  name: '',
                  comparator: '>=',
                  target: null,
                  unit: '%',
                  description: '',
                  measure: 'none',
                  period: 'campaign',
                })
              }
            >
              {t('campaigns.addKpi')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </EditorSection>
  );
}
