import { describe, expect, it } from 'vitest';
import { mailSettingsFromEnv } from './mailer';

describe('mail settings from the environment', () => {
  it('is off without an SMTP server', () => {
    expect(mailSettingsFromEnv({ MAIL_FROM: 'x@example.gov.cn', APP_URL: 'https://a' })).toBeUndefined();
  });

  it('takes SMTP_URL as given, MAIL_FROM and APP_URL without its trailing slash', () => {
    expect(
      mailSettingsFromEnv({
        SMTP_URL: 'smtp://user:pass@mail.example.gov.cn:587',
        MAIL_FROM: '红盾 <redshield@example.gov.cn>',
        APP_URL: 'https://redshield.example.gov.cn/',
      }),
    ).toEqual({
      smtpUrl: 'smtp://user:pass@mail.example.gov.cn:587',
      from: '红盾 <redshield@example.gov.cn>',
      appUrl: 'https://redshield.example.gov.cn',
    });
  });

  it('builds the URL from SMTP_HOST and its parts, escaping the credentials', () => {
    const s = mailSettingsFromEnv({
      SMTP_HOST: 'mail.example.gov.cn',
      SMTP_SECURE: 'true',
      SMTP_USER: 'red@example.gov.cn',
      SMTP_PASSWORD: 'p@ss:word',
    });
    expect(s?.smtpUrl).toBe('smtps://red%40example.gov.cn:p%40ss%3Aword@mail.example.gov.cn:465');
    expect(mailSettingsFromEnv({ SMTP_HOST: 'mail.example.gov.cn', SMTP_PORT: '25' })?.smtpUrl).toBe(
      'smtp://mail.example.gov.cn:25',
    );
  });
});
