import { useMemo } from 'react';
import { Flex, Form, InputNumber, Radio, Skeleton, Tag, TreeSelect, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useUnitContext } from '../../app/UnitContext';
import { buildUnitTree, toTreeOptions } from '../units/tree';
import { useCampaignMutations, useCampaignTemplates } from './api';

interface Values {
  template: string;
  unitId: string;
  year: number;
}

/**
 * 由模板新建: one of the real plans the server carries as templates, for a bureau in scope and a
 * year; the server matches the template's section names to the bureau's units. Opens the new draft.
 */
export function FromTemplateModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { form, saved, failed } = useFormModal<Values>({ onClose });
  const navigate = useNavigate();
  const templates = useCampaignTemplates();
  const { fromTemplate } = useCampaignMutations();
  const { units, unit: contextUnit } = useUnitContext();

  // Plans are a bureau's: other units are shown for orientation but cannot be picked.
  const treeData = useMemo(() => toTreeOptions(buildUnitTree(units), (u) => u.kind !== 'bureau'), [units]);
  const initialValues: Partial<Values> = {
    unitId: contextUnit?.kind === 'bureau' ? contextUnit.id : undefined,
    year: new Date().getFullYear(),
  };

  const submit = (values: Values) =>
    fromTemplate.mutate(values, {
      onSuccess: (c) => {
        saved(t('campaigns.createdFromTemplate', { name: c.name }));
        navigate(`/campaigns/${c.id}`);
      },
      onError: failed,
    });

  return (
    <FormModal
      form={form}
      title={t('campaigns.fromTemplateTitle')}
      okText={t('common.create')}
      saving={fromTemplate.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={initialValues}
      width={720}
      formStyle={{ marginTop: 16 }}
    >
      {templates.isPending ? (
        <Skeleton active />
      ) : (
        <Form.Item
          name="template"
          label={t('campaigns.template')}
          rules={[{ required: true, message: t('campaigns.templateRequired') }]}
        >
          <Radio.Group style={{ width: '100%' }}>
            <Flex vertical gap={8}>
              {(templates.data ?? []).map((tpl) => (
                <Radio key={tpl.key} value={tpl.key} className="rs-template-option">
                  <Flex vertical gap={2}>
                    <Typography.Text strong>{tpl.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {tpl.source} · {t('campaigns.templateTasks', { count: tpl.taskCount })}
                    </Typography.Text>
                    <Flex wrap gap={4}>
                      {tpl.categories.map((c) => (
                        <Tag key={c.code} style={{ marginInlineEnd: 0 }}>
                          {c.label}
                        </Tag>
                      ))}
                    </Flex>
                  </Flex>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
      )}
      <Flex gap={16} wrap>
        <Form.Item
          name="unitId"
          label={t('campaigns.issuingUnit')}
          extra={t('campaigns.templateUnitHint')}
          rules={[{ required: true, message: t('campaigns.unitRequired') }]}
          style={{ flex: 1, minWidth: 280 }}
        >
          <TreeSelect
            treeData={treeData}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('campaigns.issuingUnit')}
          />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('campaigns.year')}
          extra={t('campaigns.yearHint')}
          rules={[{ required: true, message: t('campaigns.yearRequired') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
