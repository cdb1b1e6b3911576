import { Form, Input, Radio } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useUnitMutations } from './api';
import { UNIT_KINDS, type Unit, type UnitKind } from './tree';

interface Values {
  name: string;
  code: string;
  kind: UnitKind;
  divisionCode?: string;
  /** 案件文号格式: {year}, {seq} or {seq:3}; empty = the default from the unit's name. */
  caseNumberPattern?: string;
}

type Props =
  | { mode: 'create'; parent: Unit | null; onClose: () => void; onCreated: (unit: Unit) => void }
  | { mode: 'edit'; unit: Unit; onClose: () => void };

/**
 * 新建下级单位 / 新建顶级单位 / 修改: name, code, kind, and the division code for a 局.
 * Rendered only while open, so each opening starts from the unit as it is then.
 */
export function UnitFormModal(props: Props) {
  const t = useT();
  const { create, update, invalidate } = useUnitMutations();
  const {
    form,
    saved,
    failed: onError,
  } = useFormModal<Values>({ onClose: props.onClose, conflict: { invalidate, then: 'stay' } });
  const kind: UnitKind | undefined = Form.useWatch('kind', form);
  const editing = props.mode === 'edit' ? props.unit : null;
  const topLevel = props.mode === 'create' && props.parent === null;

  const initialValues: Partial<Values> = editing
    ? {
        name: editing.name,
        code: editing.code,
        kind: editing.kind,
        divisionCode: editing.divisionCode ?? '',
        caseNumberPattern: editing.caseNumberPattern ?? '',
      }
    : { kind: topLevel ? 'bureau' : 'office' };

  const submit = (values: Values) => {
    const divisionCode = values.kind === 'bureau' && values.divisionCode?.trim() ? values.divisionCode.trim() : null;
    if (props.mode === 'create') {
      create.mutate(
        {
          parentId: props.parent?.id ?? null,
          name: values.name.trim(),
          code: values.code.trim(),
          kind: values.kind,
          divisionCode,
        },
        {
          onSuccess: (unit) => {
            props.onCreated(unit);
            saved(t('units.created', { name: unit.name }));
          },
          onError,
        },
      );
    } else {
      const unit = props.unit;
      update.mutate(
        {
          id: unit.id,
          body: {
            version: unit.version,
            name: values.name.trim(),
            caseNumberPattern: values.caseNumberPattern?.trim() ?? '',
            ...(unit.kind === 'bureau' ? { divisionCode } : {}),
          },
        },
        { onSuccess: () => saved(t('common.saved')), onError },
      );
    }
  };

  const title =
    props.mode === 'edit'
      ? t('units.editTitle', { name: props.unit.name })
      : props.parent
        ? t('units.createTitle', { parent: props.parent.name })
        : t('units.createTopTitle');
  const kinds = topLevel ? (['bureau'] as UnitKind[]) : UNIT_KINDS;

  return (
    <FormModal
      form={form}
      title={title}
      okText={props.mode === 'create' ? t('common.create') : t('common.save')}
      saving={create.isPending || update.isPending}
      onClose={props.onClose}
      onFinish={submit}
      initialValues={initialValues}
      width={560}
      formStyle={{ marginTop: 16 }}
    >
      <Form.Item
        name="name"
        label={t('units.name')}
        rules={[
          { required: true, whitespace: true, message: t('units.required', { field: t('units.name') }) },
          { max: 100 },
        ]}
      >
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('units.code')}
        extra={editing ? undefined : t('units.codeHint')}
        rules={[
          { required: true, whitespace: true, message: t('units.required', { field: t('units.code') }) },
          { pattern: /^[A-Za-z0-9_-]+$/, message: t('units.codeHint') },
          { max: 40 },
        ]}
      >
        <Input maxLength={40} disabled={!!editing} className="rs-mono" />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
        <Radio.Group
          disabled={!!editing}
          optionType="button"
          buttonStyle="solid"
          options={kinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'bureau' && (
        <Form.Item
          name="divisionCode"
          label={t('units.divisionCode')}
          extra={t('units.divisionCodeHint')}
          rules={[{ pattern: /^\d{6}$/, message: t('units.divisionCodeInvalid') }]}
        >
          <Input maxLength={6} inputMode="numeric" style={{ width: 200 }} className="rs-mono" />
        </Form.Item>
      )}
      {editing && (
        <Form.Item
          name="caseNumberPattern"
          label={t('units.caseNumberPattern')}
          extra={t('units.caseNumberPatternHint', { yearToken: '{year}', seqToken: '{seq}', paddedToken: '{seq:3}' })}
        >
          <Input maxLength={60} placeholder={t('units.caseNumberPatternPlaceholder')} className="rs-mono" />
        </Form.Item>
      )}
    </FormModal>
  );
}
