import { useState } from 'react';
import { Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { useEntities } from './api';
import { EntityCoreFields } from './entity-fields';
import type { OutingEntityValues } from './outing-entities';

/** The register's entities of the outing unit's subtree, searched by name or credit code as one types. */
function EntitySearchSelect({
  unitId,
  value,
  label,
  onChange,
  id,
}: {
  unitId: string | undefined;
  value?: string;
  label?: string;
  onChange?: (id: string, label: string) => void;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useEntities({ unitId, q: q || undefined, status: 'active', page: 1, pageSize: 20 }, !!unitId);
  const options = (found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      value={value}
      placeholder={unitId ? t('entities.pickerPlaceholder') : t('entities.pickerPickUnit')}
      disabled={!unitId}
      loading={found.isFetching}
      onSearch={setQ}
      onChange={(v: string) => onChange?.(v, options.find((o) => o.value === v)?.label ?? '')}
      options={options}
      notFoundContent={found.isFetching ? undefined : t('entities.pickerNone')}
      className="rs-entity-picker"
    />
  );
}

/**
 * 检查对象 of an outing: each entity checked, picked from the register (searched by name or credit
 * code within the outing unit's subtree) or added there and then (registered under the outing's
 * unit when it is saved; the server checks the credit code and names the row it refuses), with
 * the result and what was found. The list sits under the form's `entities`, as the body sends it.
 */
export function OutingEntitiesField({ unitId }: { unitId: string | undefined }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.List name="entities">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={12} style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <OutingEntityRow
              key={field.key}
              name={field.name}
              index={index}
              unitId={unitId}
              onRemove={() => remove(field.name)}
              setLabel={(label) => form.setFieldValue(['entities', field.name, 'entityLabel'], label)}
            />
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ mode: 'register', result: 'no_problem' })}
            className="rs-add-entity"
          >
            {t('entities.addToOuting')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}

function OutingEntityRow({
  name,
  index,
  unitId,
  onRemove,
  setLabel,
}: {
  name: number;
  index: number;
  unitId: string | undefined;
  onRemove: () => void;
  setLabel: (label: string) => void;
}) {
  const t = useT();
  const form = Form.useFormInstance();
  const mode: OutingEntityValues['mode'] = Form.useWatch(['entities', name, 'mode'], form);
  const label: string | undefined = Form.useWatch(['entities', name, 'entityLabel'], form);
  return (
    <Card
      size="small"
      className="rs-outing-entity"
      title={t('entities.outingEntityN', { n: index + 1 })}
      extra={
        <Button
          danger
          size="small"
          icon={<DeleteOutlined />}
          aria-label={t('entities.removeFromOuting')}
          title={t('entities.removeFromOuting')}
          onClick={onRemove}
        />
      }
    >
      <Form.Item name={[name, 'mode']} style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'register', label: t('entities.fromRegister') },
            { value: 'new', label: t('entities.newOnSpot') },
          ]}
        />
      </Form.Item>
      <Form.Item name={[name, 'entityLabel']} hidden>
        <Input />
      </Form.Item>
      {mode === 'new' ? (
        <>
          <Typography.Paragraph type="secondary">{t('entities.newOnSpotHint')}</Typography.Paragraph>
          <EntityCoreFields prefix={[name, 'newEntity']} />
        </>
      ) : (
        <Form.Item
          name={[name, 'entityId']}
          label={t('entities.pickEntity')}
          rules={[{ required: true, message: t('entities.pickEntityRequired') }]}
        >
          <EntitySearchSelect unitId={unitId} label={label} onChange={(_id, l) => setLabel(l)} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'result']} label={t('entities.checkResult')}>
            <Select
              options={[
                { value: 'no_problem', label: t('entities.result.no_problem') },
                { value: 'problem', label: t('entities.result.problem') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'finding']} label={t('entities.finding')}>
            <Input.TextArea rows={1} autoSize maxLength={2000} placeholder={t('entities.findingPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
