import type { FormRule } from 'antd';
import type { Translate } from '../../locales/i18n';

/**
 * The server's length and character rule (10+ characters with letters and digits), checked before
 * sending; common passwords and the user name are refused by the server, which names the field.
 */
export const isStrongPassword = (value: string) => value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value);

export function passwordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t('auth.passwordRequired') },
    {
      validator: (_, value?: string) =>
        !value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordInvalid'))),
    },
  ];
}
