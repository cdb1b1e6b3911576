import os from 'node:os';
import path from 'node:path';
import { mailSettingsFromEnv, type MailSettings } from './platform/mail/mailer';

/** DATABASE_READ_MAX_LAG_MS when unset: over 5 s of replica lag, the heavy reads go to the primary. */
export const DEFAULT_READ_MAX_LAG_MS = 5000;

/** Runtime settings, read once from the environment. */
export interface AppConfig {
  /** postgres://… selects a real PostgreSQL; otherwise the embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /**
   * DATABASE_READ_URL: a streaming replica of DATABASE_URL for the heavy reads (ledger, figures,
   * dashboards, 大屏; db/read-replica.ts). Ignored, with a line in the log, on the embedded PGlite.
   */
  databaseReadUrl: string | undefined;
  /** DATABASE_READ_MAX_LAG_MS (default 5000): over this replica lag, the heavy reads go to the primary. */
  databaseReadMaxLagMs: number;
  /** Where PGlite keeps its files (and, later, uploaded attachments). */
  dataDir: string;
  host: string;
  port: number;
  /** Initial password of the system administrator when the database is first created. */
  adminPassword: string | undefined;
  /** Serve the built web app from this folder when it exists. */
  webDist: string | undefined;
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY=127.0.0.1,10.0.0.5;
   * CIDR ranges allowed). Empty: the header is ignored and the client is the connecting address.
   */
  trustProxy: string[];
  /** Mark the session cookie Secure (set behind HTTPS). */
  secureCookies: boolean;
  /** Seed the demo bureau on an empty database. */
  seedDemo: boolean;
  logLevel: string;
  /**
   * The audit log's HMAC key (AUDIT_KEY, hex or base64, 32 bytes or more); when unset it is read
   * from auditKeyFile, created there on first start. Neither is ever stored in the database.
   */
  auditKey: string | undefined;
  /** AUDIT_KEY_FILE; default `<DATA_DIR>-audit/audit.key`, beside the data folder, not in it. */
  auditKeyFile: string;
  /** AUDIT_CHECKPOINT_FILE: the audit chain's checkpoints; default `<DATA_DIR>-audit/checkpoints.log`. */
  auditCheckpointFile: string;
  /** 邮件通知: SMTP_URL or SMTP_HOST…, MAIL_FROM, APP_URL; undefined (no e-mail at all) when no SMTP server is set. */
  mail: MailSettings | undefined;
  /** METRICS_TOKEN: Prometheus metrics at /metrics for whoever sends it as a bearer token; unset, no metrics. */
  metricsToken: string | undefined;
  /**
   * WORKERS: serve with this many processes (node:cluster) on the one port; "auto" = one per core.
   * Unset (or 1 … with WORKERS unset): one process, as always.
   */
  workers: number | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = path.resolve(import.meta.dirname, '..', '..');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    databaseReadMaxLagMs: readMaxLag(env.DATABASE_READ_MAX_LAG_MS),
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT || 3000),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    webDist: env.WEB_DIST ?? path.join(root, 'web', 'dist'),
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    secureCookies: env.SECURE_COOKIES === 'true',
    seedDemo: env.SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL || 'info',
    mail: mailSettingsFromEnv(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    workers: workerCount(env.WORKERS),
    ...auditSettings(env, path.resolve(env.DATA_DIR || path.join(root, 'data'))),
  };
}

/**
 * The audit key and checkpoints live beside the data folder (`data-audit/` next to `data/`), so a
 * copy of the embedded database's folder holds neither; keep them out of database backups.
 */
function auditSettings(env: NodeJS.ProcessEnv, dataDir: string) {
  const auditDir = `${dataDir.replace(/[\\/]+$/, '')}-audit`;
  return {
    auditKey: env.AUDIT_KEY || undefined,
    auditKeyFile: path.resolve(env.AUDIT_KEY_FILE || path.join(auditDir, 'audit.key')),
    auditCheckpointFile: path.resolve(env.AUDIT_CHECKPOINT_FILE || path.join(auditDir, 'checkpoints.log')),
  };
}

/** The log line of a DATABASE_READ_URL that is not used: the embedded PGlite has no replica. */
export function ignoredReadUrl(config: Pick<AppConfig, 'databaseUrl' | 'databaseReadUrl'>): string | undefined {
  if (!config.databaseReadUrl || config.databaseUrl) return undefined;
  return 'DATABASE_READ_URL 已忽略：只读副本需要 PostgreSQL（DATABASE_URL），内置数据库 PGlite 没有副本，所有读取都在 PGlite。';
}

/** DATABASE_READ_MAX_LAG_MS: milliseconds, a whole number; anything else stops the start. */
export function readMaxLag(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_READ_MAX_LAG_MS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`DATABASE_READ_MAX_LAG_MS 应为不小于 0 的整数（毫秒），而不是 "${value}"`);
  }
  return n;
}

/** WORKERS: a whole number of processes, or "auto" for one per core; anything else stops the start. */
export function workerCount(value: string | undefined, cores = os.availableParallelism()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === 'auto') return cores;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`WORKERS 应为 1–256 的整数或 auto（每个 CPU 核一个进程），而不是 "${value}"`);
  }
  return n;
}
