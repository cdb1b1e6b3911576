import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { UnitTreeSelect } from '../../lib/records/pickers';
import { useCurrentUser } from '../auth/session';
import { permissions } from '../auth/permissions';
import {
  ENTITY_KINDS,
  FREQUENCY_PERIODS,
  useFrequencyRules,
  useMarketEntityMutations,
  type FrequencyRule,
  type RuleBody,
} from './api';
import { ENTITY_KIND_KEYS, PERIOD_KEYS } from './entity-labels';

/** 检查频次规则: which entities must be inspected how often, set by a unit's office for its subtree. */
export function FrequencyRulesTab() {
  const t = useT();
  const user = useCurrentUser();
  const rules = useFrequencyRules();
  const [editing, setEditing] = useState<FrequencyRule | 'new' | null>(null);
  if (rules.isError) return <LoadError error={rules.error} onRetry={() => void rules.refetch()} />;

  const columns: TableColumnsType<FrequencyRule> = [
    { key: 'name', title: t('entities.ruleName'), dataIndex: 'name', ellipsis: true },
    { key: 'unit', title: t('entities.ruleUnit'), dataIndex: 'unitName', width: 160 },
    {
      key: 'match',
      title: t('entities.ruleMatch'),
      width: 200,
      render: (_: unknown, r) =>
        [r.industry, r.entityKind && t(ENTITY_KIND_KEYS[r.entityKind])].filter(Boolean).join(' · '),
    },
    {
      key: 'minimum',
      title: t('entities.ruleMinimum'),
      width: 160,
      render: (_: unknown, r) => t('entities.ruleText', { period: t(PERIOD_KEYS[r.period]), count: r.minCount }),
    },
    {
      key: 'active',
      title: t('entities.ruleActive'),
      width: 90,
      render: (_: unknown, r) =>
        r.active ? <Tag color="green">{t('entities.ruleOn')}</Tag> : <Tag>{t('entities.ruleOff')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, r) =>
        r.can.edit && (
          <Button size="small" type="link" onClick={() => setEditing(r)}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('entities.rulesIntro')}</Typography.Text>
        {permissions.keepFrequencyRules(user) && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('entities.newRule')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={rules.isFetching}
        dataSource={rules.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('entities.rulesEmpty') }}
      />
      {editing && <RuleModal rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RuleModal({ rule, onClose }: { rule?: FrequencyRule; onClose: () => void }) {
  const t = useT();
  const { createRule, updateRule, invalidate } = useMarketEntityMutations();
  const { form, saved, failed } = useFormModal<RuleBody>({ onClose, conflict: { invalidate, then: 'close' } });
  const submit = async (values: RuleBody) => {
    try {
      if (rule) await updateRule.mutateAsync({ id: rule.id, body: { ...values, version: rule.version } });
      else await createRule.mutateAsync(values);
      saved(t('entities.ruleSaved'));
    } catch (e) {
      failed(e);
    }
  };
  return (
    <FormModal
      form={form}
      title={rule ? t('entities.editRule') : t('entities.newRule')}
      saving={createRule.isPending || updateRule.isPending}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      initialValues={
        rule
          ? {
              unitId: rule.unitId,
              name: rule.name,
              industry: rule.industry,
              entityKind: rule.entityKind,
              minCount: rule.minCount,
              period: rule.period,
              active: rule.active,
            }
          : { period: 'week', minCount: 2, active: true }
      }
    >
      <Form.Item
        name="unitId"
        label={t('entities.ruleUnit')}
        rules={[{ required: true, message: t('entities.unitRequired') }]}
      >
        <UnitTreeSelect allowClear={false} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('entities.ruleName')}
        rules={[{ required: true, whitespace: true, message: t('entities.ruleNameRequired') }]}
      >
        <Input maxLength={200} placeholder={t('entities.ruleNamePlaceholder')} />
      </Form.Item>
      <Form.Item name="industry" label={t('entities.industry')} extra={t('entities.ruleMatchHint')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="entityKind" label={t('entities.entityKind')}>
        <Select allowClear options={ENTITY_KINDS.map((k) => ({ value: k, label: t(ENTITY_KIND_KEYS[k]) }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="period" label={t('entities.rulePeriod')} style={{ flex: 1 }}>
          <Select options={FREQUENCY_PERIODS.map((p) => ({ value: p, label: t(PERIOD_KEYS[p]) }))} />
        </Form.Item>
        <Form.Item
          name="minCount"
          label={t('entities.ruleMinCount')}
          rules={[{ required: true, message: t('entities.ruleMinCount') }]}
          style={{ flex: 1 }}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="active" label={t('entities.ruleActive')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
