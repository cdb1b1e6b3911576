import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { applyProblemToForm } from '../../lib/problem';
import { ShieldLogo } from '../../app/Brand';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useLogin } from './session';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const [form] = Form.useForm();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const appName = t('app.name');
  useEffect(() => {
    document.title = appName;
  }, [appName]);

  const onFinish = (values: LoginValues) => {
    setError(null);
    login.mutate(values, {
      onError: (e) => {
        const text = e instanceof ApiError ? applyProblemToForm(form, e) : null;
        setError(text ?? t(e instanceof TypeError ? 'common.networkError' : 'common.unexpectedError'));
      },
    });
  };

  return (
    <div className="rs-login">
      <div className="rs-login-lang">
        <LanguageSwitch light />
      </div>
      <div className="rs-login-center">
        <div className="rs-login-brand">
          <ShieldLogo size={56} />
          <div>
            <Typography.Title level={2} style={{ margin: 0, color: '#fff' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>
              {t('app.subtitle')}
            </Typography.Text>
          </div>
        </div>
        <Card className="rs-login-card" title={t('auth.loginTitle')}>
          <Typography.Paragraph type="secondary">{t('auth.loginHint')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form>
        </Card>
        <Link to="/public/check-results" className="rs-login-public">
          {t('auth.publicResultsLink')}
        </Link>
        <Link to="/public/disclosures" className="rs-login-public">
          {t('auth.publicDisclosuresLink')}
        </Link>
        <Typography.Text className="rs-login-footer">{t('app.footer')}</Typography.Text>
      </div>
    </div>
  );
}
