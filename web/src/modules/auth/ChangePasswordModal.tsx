import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useChangePassword, useLogout } from './session';
import { passwordRules } from './passwordRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Changes one's own password. `forced` (mustChangePassword) cannot be dismissed: the user changes
 * the password or logs out from the header.
 */
export function ChangePasswordModal({
  open,
  forced,
  onClose,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const change = useChangePassword();
  const logout = useLogout();
  const showError = useShowError();
  const { message } = App.useApp();

  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      // A forced change covers the page; logging out is the way out without changing the password.
      footer={
        forced
          ? (_, { OkBtn }) => (
              <>
                <Button onClick={() => logout.mutate()} loading={logout.isPending}>
                  {t('auth.logout')}
                </Button>
                <OkBtn />
              </>
            )
          : undefined
      }
      destroyOnHidden
      forceRender
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule')}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
