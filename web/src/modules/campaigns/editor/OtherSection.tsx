import { Button, Flex, Form, Input, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { TextLines } from './BasicsSection';
import { EditorSection, linesField, ListItem } from './form-fields';

/** 其他: the plan's further chapters (工作措施, 工作要求 …), its annexes and the contact line. */
export function OtherSection() {
  const t = useT();
  return (
    <EditorSection id="other" title={t('campaigns.sectionOther')}>
      <Typography.Title level={5}>{t('campaigns.sections')}</Typography.Title>
      <Form.List name="sections">
        {(fields, { add, remove, move }, { errors }) => (
          <Flex vertical gap={8} style={{ marginBottom: 24 }}>
            {fields.map((field, i) => (
              <ListItem
                key={field.key}
                title={t('campaigns.sectionNo', { no: i + 1 })}
                onRemove={() => remove(field.name)}
                onMoveUp={i > 0 ? () => move(i, i - 1) : undefined}
                onMoveDown={i < fields.length - 1 ? () => move(i, i + 1) : undefined}
              >
                <Form.Item
                  name={[field.name, 'heading']}
                  label={t('campaigns.sectionHeading')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('campaigns.fieldRequired', { field: t('campaigns.sectionHeading') }),
                    },
                  ]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'paragraphs']}
                  label={t('campaigns.sectionParagraphs')}
                  extra={t('campaigns.sectionParagraphsHint')}
                  style={{ marginBottom: 0 }}
                  {...linesField}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} />
                </Form.Item>
              </ListItem>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => add({ heading: '', paragraphs: [] })}
            >
              {t('campaigns.addSection')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
      <TextLines
        name="attachments"
        label={t('campaigns.attachments')}
        placeholder={t('campaigns.attachmentPlaceholder')}
        addLabel={t('campaigns.addAttachment')}
      />
      <Form.Item name="contact" label={t('campaigns.contact')}>
        <Input maxLength={200} placeholder={t('campaigns.contactPlaceholder')} />
      </Form.Item>
    </EditorSection>
  );
}
