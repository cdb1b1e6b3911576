import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useUserMutations, type User } from './api';
import { generatePassword } from './UserFormModal';
import { passwordRules } from '../auth/passwordRules';

/** 重置密码: the administrator sets a new password; the user must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const showError = useShowError();
  const { resetPassword } = useUserMutations();

  const submit = ({ password }: { password: string }) =>
    resetPassword.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.resetDone'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resetPassword.isPending}
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ margin: '16px 0' }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ password: generatePassword() }}>
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
      </Form>
    </Modal>
  );
}
