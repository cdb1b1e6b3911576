import type { ReactNode } from 'react';
import { Button, Form, Input, Space } from 'antd';
import { useT } from '../../locales/i18n';
import { passwordRules } from '../auth/passwordRules';
import { generatePassword } from './generate-password';

/**
 * The password an administrator sets (a new user's first one, or a reset), with 生成 beside it
 * filling in one that can be read out. It stands in a form whose field is `password`.
 */
export function PasswordField({ label, extra }: { label: string; extra: ReactNode }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={label} extra={extra} required htmlFor="rs-user-password">
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="password" noStyle rules={passwordRules(t)}>
          <Input id="rs-user-password" autoComplete="new-password" className="rs-mono" />
        </Form.Item>
        <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>{t('users.generate')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
