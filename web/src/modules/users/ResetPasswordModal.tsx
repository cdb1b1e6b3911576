import { Alert } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useUserMutations, type User } from './api';
import { generatePassword } from './generate-password';
import { PasswordField } from './PasswordField';

/** 重置密码: the administrator sets a new password; the user must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { resetPassword } = useUserMutations();
  const { form, saved, failed } = useFormModal<{ password: string }>({ onClose });

  const submit = ({ password }: { password: string }) =>
    resetPassword.mutate({ id: user.id, password }, { onSuccess: () => saved(t('users.resetDone')), onError: failed });

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
      <PasswordField label={t('auth.newPassword')} extra={t('auth.passwordRule')} />
    </FormModal>
  );
}
