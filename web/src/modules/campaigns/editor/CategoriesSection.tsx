import { Button, Col, Flex, Form, Input, Row, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { EditorSection } from './form-fields';
import { OTHER_CATEGORY_CODE, type CategoryValues } from './plan-form';

/** A code for a new category that no other category has (the server wants [a-z0-9_]). */
export function newCategoryCode(existing: readonly CategoryValues[]): string {
  const codes = new Set(existing.map((c) => c.code));
  let n = existing.length;
  while (codes.has(`cat_${n}`)) n += 1;
  return `cat_${n}`;
}

/**
 * 违法类型: the rows of the statistics table every task and case is classified by. 其他违法 always
 * ends the list; an implementation plan keeps its superior's categories as they are.
 */
export function CategoriesSection({ fixed }: { fixed: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <EditorSection id="categories" title={t('campaigns.categories')}>
      {fixed && <Typography.Paragraph type="secondary">{t('campaigns.categoriesFixed')}</Typography.Paragraph>}
      <Form.List name="categories">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0}>
            <Row gutter={12} className="rs-list-head">
              <Col span={5}>{t('campaigns.categoryCode')}</Col>
              <Col span={8}>{t('campaigns.categoryLabel')}</Col>
              <Col span={9}>{t('campaigns.categorySubLabel')}</Col>
            </Row>
            {fields.map((field) => {
              const c: CategoryValues | undefined = form.getFieldValue(['categories', field.name]);
              const locked = fixed || c?.inherited || c?.code === OTHER_CATEGORY_CODE;
              return (
                <Row key={field.key} gutter={12} align="top">
                  <Col span={5}>
                    <Form.Item
                      name={[field.name, 'code']}
                      rules={[
                        {
                          required: true,
                          message: t('campaigns.fieldRequired', { field: t('campaigns.categoryCode') }),
                        },
                      ]}
                    >
                      <Input
                        className="rs-mono"
                        disabled={locked}
                        maxLength={40}
                        aria-label={t('campaigns.categoryCode')}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name={[field.name, 'label']}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('campaigns.fieldRequired', { field: t('campaigns.categoryLabel') }),
                        },
                      ]}
                    >
                      <Input
                        disabled={fixed || c?.inherited}
                        maxLength={40}
                        aria-label={t('campaigns.categoryLabel')}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item name={[field.name, 'subLabel']}>
                      <Input
                        disabled={fixed || c?.inherited}
                        maxLength={100}
                        placeholder={fixed || c?.inherited ? undefined : t('campaigns.categorySubLabelPlaceholder')}
                        aria-label={t('campaigns.categorySubLabel')}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    {c?.inherited ? (
                      <Tag>{t('campaigns.inherited')}</Tag>
                    ) : (
                      <Tooltip title={locked ? t('campaigns.categoryLocked') : null}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          disabled={locked}
                          onClick={() => remove(field.name)}
                        />
                      </Tooltip>
                    )}
                  </Col>
                </Row>
              );
            })}
            {!fixed && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  const all: CategoryValues[] = form.getFieldValue('categories') ?? [];
                  // New categories go before 其他违法, which ends the table.
                  const at = all.findIndex((x) => x.code === OTHER_CATEGORY_CODE);
                  add({ code: newCategoryCode(all), label: '', subLabel: null }, at < 0 ? all.length : at);
                }}
              >
                {t('campaigns.addCategory')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </EditorSection>
  );
}
