import { Alert, Button, Form, Input, Space } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useUserMutations, type User } from './api';
import { generatePassword } from './UserFormModal';
import { passwordRules } from '../auth/passwordRules';

/** 重置密码: the administrator sets a new password; the user must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { resetPassword } = useUserMutations();
  const { form, saved, failed } = useFormModal<{ password: string }>({ onClose });

  const submit = ({ password }: { password: string }) => resetPassword.mutate({ id: user.id, password }, { onSuccess: () => saved(t('users.resetDone')), onError: failed });

  return (
    <FormModal
      form={form}
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('common.ok')}
      saving={resetPassword.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ password: generatePassword() }}
      intro={<Alert type="info" showIcon title={t('users.resetHint')} style={{ margin: '16px 0' }} />}
    >
      <Form.Item label={t('auth.newPassword')} extra={t('auth.passwordRule')} required htmlFor="rs-user-password">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="password"
            noStyle
            rules={passwordRules(t)}
          >
            <Input id="rs-user-password" autoComplete="new-password" className="rs-mono" />
          </Form.Item>
          <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>{t('users.generate')}</Button>
        </Space.Compact>
      </Form.Item>
    </FormModal>
  );
}
