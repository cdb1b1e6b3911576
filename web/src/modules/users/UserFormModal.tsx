import { useMemo } from 'react';
import { Checkbox, Form, Input, Switch, TreeSelect } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { ROLES } from '../auth/permissions';
import type { Role } from '../auth/session';
import { buildUnitTree, toTreeOptions, type Unit } from '../units/tree';
import { useUserMutations, type UpdateUserBody, type User } from './api';
import { PasswordField } from './PasswordField';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  unitId: string;
  roles: Role[];
  password: string;
  active: boolean;
}

type Props =
  | { mode: 'create'; defaultUnitId: string | null; units: Unit[]; onClose: () => void }
  | { mode: 'edit'; user: User; units: Unit[]; onClose: () => void };

/** 新建用户 / 编辑: rendered only while open. */
export function UserFormModal(props: Props) {
  const t = useT();
  const { create, update, invalidate } = useUserMutations();
  const {
    form,
    saved,
    failed: onError,
  } = useFormModal<Values>({ onClose: props.onClose, conflict: { invalidate, then: 'stay' } });
  const editing = props.mode === 'edit' ? props.user : null;

  // Users go into active units only; an edited user's current unit stays shown even when inactive.
  const treeData = useMemo(
    () => toTreeOptions(buildUnitTree(props.units), (u) => !u.active && u.id !== editing?.unitId),
    [props.units, editing?.unitId],
  );
  const initialValues: Partial<Values> = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        email: editing.email ?? '',
        unitId: editing.unitId ?? undefined,
        roles: editing.roles,
        active: editing.active,
      }
    : { unitId: props.mode === 'create' ? (props.defaultUnitId ?? undefined) : undefined, roles: [], active: true };

  const submit = (values: Values) => {
    if (props.mode === 'create') {
      const body = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        email: values.email?.trim() || null,
        unitId: values.unitId,
        roles: values.roles,
        password: values.password,
      };
      create.mutate(body, { onSuccess: (u) => saved(t('users.created', { name: u.displayName })), onError });
      return;
    }
    const user = props.user;
    const body: UpdateUserBody = { version: user.version };
    if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
    if ((values.email?.trim() || null) !== user.email) body.email = values.email?.trim() || null;
    if (values.unitId && values.unitId !== user.unitId) body.unitId = values.unitId;
    if ([...values.roles].sort().join() !== [...user.roles].sort().join()) body.roles = values.roles;
    if (values.active !== user.active) body.active = values.active;
    update.mutate({ id: user.id, body }, { onSuccess: () => saved(t('common.saved')), onError });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('users.required', { field }) });

  return (
    <FormModal
      form={form}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      saving={create.isPending || update.isPending}
      onClose={props.onClose}
      onFinish={submit}
      initialValues={initialValues}
      width={680}
      formStyle={{ marginTop: 16 }}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={editing ? undefined : t('users.usernameHint')}
        rules={
          editing
            ? []
            : [
                required(t('users.username')),
                { min: 2, max: 40 },
                { pattern: /^[A-Za-z0-9_.-]+$/, message: t('users.usernameInvalid') },
              ]
        }
      >
        <Input disabled={!!editing} maxLength={40} autoComplete="off" className="rs-mono" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[required(t('users.displayName')), { max: 50 }]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('users.email')}
        extra={t('users.emailHint')}
        rules={[{ type: 'email', message: t('users.emailInvalid') }, { max: 254 }]}
      >
        <Input type="email" maxLength={254} autoComplete="off" placeholder="name@example.gov.cn" />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('users.unit')}
        rules={[{ required: true, message: t('users.required', { field: t('users.unit') }) }]}
      >
        <TreeSelect
          treeData={treeData}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('users.unit')}
        />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
      >
        <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {editing ? (
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch disabled={!editing.can.deactivate} />
        </Form.Item>
      ) : (
        <PasswordField
          label={t('users.initialPassword')}
          extra={
            <>
              {t('auth.passwordRule')}
              <br />
              {t('users.initialPasswordHint')}
            </>
          }
        />
      )}
    </FormModal>
  );
}
