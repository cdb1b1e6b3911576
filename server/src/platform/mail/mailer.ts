import nodemailer from 'nodemailer';

/**
 * Where e-mail goes (SMTP_URL, or SMTP_HOST with SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE),
 * who it comes from (MAIL_FROM) and the web address its links open (APP_URL). Absent: no e-mail.
 */
export interface MailSettings {
  /** smtp://user:pass@host:587 or smtps://…:465; built from the SMTP_* parts when SMTP_URL is not given. */
  smtpUrl: string;
  from: string;
  /** The web app's address, e.g. https://redshield.example.gov.cn (links are APP_URL + the record's page). */
  appUrl: string;
  /** Attempts before an e-mail is marked failed (5 unless said). */
  maxAttempts?: number;
  /** Seconds before the first retry, doubling with each (60 unless said; the tests use 0). */
  retryDelaySeconds?: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail; throws with the server's answer when it is refused. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Reads the mail settings from the environment; undefined when no SMTP server is configured. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv): MailSettings | undefined {
  const url = env.SMTP_URL?.trim() || smtpUrlFromParts(env);
  if (!url) return undefined;
  return {
    smtpUrl: url,
    from: env.MAIL_FROM?.trim() || '红盾 <redshield@localhost>',
    appUrl: (env.APP_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
  };
}

function smtpUrlFromParts(env: NodeJS.ProcessEnv): string | undefined {
  const host = env.SMTP_HOST?.trim();
  if (!host) return undefined;
  const secure = env.SMTP_SECURE === 'true';
  const port = env.SMTP_PORT?.trim() || (secure ? '465' : '587');
  const auth = env.SMTP_USER
    ? `${encodeURIComponent(env.SMTP_USER)}:${encodeURIComponent(env.SMTP_PASSWORD ?? '')}@`
    : '';
  return `${secure ? 'smtps' : 'smtp'}://${auth}${host}:${port}`;
}

/** The SMTP transport (nodemailer), with short timeouts so a dead server does not hold a job for minutes. */
export function createSmtpMailer(settings: Pick<MailSettings, 'smtpUrl' | 'from'>): Mailer {
  const url = new URL(settings.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
