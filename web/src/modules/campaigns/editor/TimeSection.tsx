import { Button, Col, DatePicker, Flex, Form, Input, Row, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { dateField, EditorSection, ListItem } from './form-fields';

/**
 * 行动时间与阶段: the campaign's window, its phases (动员部署 / 调查摸底 / 集中整治 / 总结验收) and
 * concentrated action windows (集中行动, with daily reporting). The server checks they fit the window.
 */
export function TimeSection() {
  const t = useT();
  return (
    <EditorSection id="time" title={t('campaigns.sectionTime')}>
      <Row gutter={16}>
        <DateCols md={6} />
      </Row>

      <Typography.Title level={5}>{t('campaigns.phases')}</Typography.Title>
      <Form.List name="phases">
        {(fields, { add, remove, move }, { errors }) => (
          <Flex vertical gap={8} style={{ marginBottom: 24 }}>
            {fields.map((field, i) => (
              <ListItem
                key={field.key}
                title={t('campaigns.phaseNo', { no: i + 1 })}
                onRemove={() => remove(field.name)}
                onMoveUp={i > 0 ? () => move(i, i - 1) : undefined}
                onMoveDown={i < fields.length - 1 ? () => move(i, i + 1) : undefined}
              >
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('campaigns.stageName')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('campaigns.fieldRequired', { field: t('campaigns.stageName') }),
                        },
                      ]}
                    >
                      <Input maxLength={50} list="rs-phase-names" />
                    </Form.Item>
                  </Col>
                  <DateCols field={field.name} md={8} />
                  <Col xs={24}>
                    <Form.Item
                      name={[field.name, 'description']}
                      label={t('campaigns.stageDescription')}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
                    </Form.Item>
                  </Col>
                </Row>
              </ListItem>
            ))}
            <datalist id="rs-phase-names">
              {t('campaigns.phaseSuggestions')
                .split(',')
                .map((n) => (
                  <option key={n} value={n} />
                ))}
            </datalist>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => add({ name: '', startDate: null, endDate: null, description: '' })}
            >
              {t('campaigns.addPhase')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('campaigns.concentratedWindows')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('campaigns.concentratedHint')}</Typography.Paragraph>
      <Form.List name="concentratedWindows">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <ListItem
                key={field.key}
                title={t('campaigns.windowNo', { no: i + 1 })}
                onRemove={() => remove(field.name)}
              >
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('campaigns.stageName')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('campaigns.fieldRequired', { field: t('campaigns.stageName') }),
                        },
                      ]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <DateCols field={field.name} md={8} />
                </Row>
              </ListItem>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => add({ name: '', startDate: null, endDate: null })}
            >
              {t('campaigns.addWindow')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </EditorSection>
  );
}

/** 开始日期 and 结束日期 side by side, both required: the campaign's, or those of one phase or window (`field`). */
function DateCols({ field, md }: { field?: number; md: number }) {
  const t = useT();
  return (['startDate', 'endDate'] as const).map((key) => {
    const label = t(`campaigns.${key}`);
    return (
      <Col key={key} xs={12} md={md}>
        <Form.Item
          name={field === undefined ? key : [field, key]}
          label={label}
          rules={[{ required: true, message: t('campaigns.fieldRequired', { field: label }) }]}
          {...dateField}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
  });
}
