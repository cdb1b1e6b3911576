import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface AppConfig {
  /** postgres://… selects a real PostgreSQL; otherwise the embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = path.resolve(import.meta.dirname, '..', '..');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT || 3000),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    webDist: env.WEB_DIST ?? path.join(root, 'web', 'dist'),
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    secureCookies: env.SECURE_COOKIES === 'true',
    seedDemo: env.SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL || 'info',
  };
}
