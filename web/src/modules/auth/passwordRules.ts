import type { FormRule } from 'antd';
import type { Translate } from '../../locales/i18n';

/** The server's rule (8+ characters with letters and digits), checked before sending: one message. */
export const isStrongPassword = (value: string) => value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value);

export function passwordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t('auth.passwordRequired') },
    { validator: (_, value?: string) => (!value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordInvalid')))) },
  ];
}
