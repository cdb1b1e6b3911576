import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { buildApp } from './app';
import { ignoredReadUrl, loadConfig, type AppConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { loadAuditAnchor } from './modules/audit/audit.anchor';
import { createServices } from './services';
import { createJobQueue } from './platform/jobs/job-queue';
import { createSmtpMailer } from './platform/mail/mailer';
import { createShutdown } from './platform/shutdown';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoAtomically } from './seed/demo';
import { gatherFromPrimary, runPrimary } from './cluster';

type Anchor = ReturnType<typeof loadAuditAnchor>;

/**
 * Starts RedShield: opens (and migrates) the database, seeds an empty one, serves the API and the
 * web app. With WORKERS set, the primary process does the one-time part (migrate, key, admin,
 * seed) and then forks the workers, which serve the same port (cluster.ts).
 */
async function main() {
  const config = loadConfig();
  if (config.workers !== undefined && config.workers > 1 && !config.databaseUrl) {
    throw new Error('WORKERS 大于 1 需要 PostgreSQL（设置 DATABASE_URL）：内置数据库 PGlite 只能由一个进程打开');
  }
  if (config.workers === undefined) {
    const { database, audit, lines } = await prepare(config);
    await serve(config, database, audit);
    printBanner(config, database, audit, lines);
  } else if (cluster.isPrimary) {
    const { database, audit, lines } = await prepare(config);
    await database.close();
    await runPrimary(config.workers, () => printBanner(config, database, audit, lines));
  } else {
    const database = await openDatabase(databaseOptions(config));
    await serve(config, database, loadAuditAnchor(config));
  }
}

/** What happens once per start, in one process: migrate, the audit key, the administrator, the demo. */
async function prepare(config: AppConfig) {
  const ignored = ignoredReadUrl(config);
  if (ignored) console.warn(ignored);
  // The primary process of WORKERS only migrates and seeds: its workers read from the replica.
  const database = await openDatabase(
    cluster.isPrimary && config.workers !== undefined
      ? { ...databaseOptions(config), readUrl: undefined }
      : databaseOptions(config),
  );
  // The audit chain's key and checkpoints: outside the database (config.ts says where).
  const audit = loadAuditAnchor(config);
  const services = createServices(database.db, { audit: audit.anchor });

  // A new key over entries signed with another: verify will say so; the old key file may be restorable.
  const signedBefore = audit.created ? await services.auditService.firstKeyedSeq() : undefined;
  if (signedBefore !== undefined) {
    console.error(
      `警告：审计密钥文件 ${audit.keySource} 是本次启动新生成的，但审计日志自第 ${signedBefore} 条起已用另一把密钥签名，校验将报告这些记录不符。` +
        '若原密钥仍在，请停止服务，放回原密钥文件（或设置 AUDIT_KEY / AUDIT_KEY_FILE）后再启动。',
    );
  }

  // Machines starting together on an empty database: one creates the administrator and the demo.
  const { admin, seeded } = await database.exclusively(async () => ({
    admin: await services.authService.ensureSystemAdmin(config.adminPassword),
    seeded: config.seedDemo
      ? await seedDemoAtomically(database.db, (db) => createServices(db, { audit: audit.anchor }))
      : false,
  }));
  const lines: string[] = [];
  if (admin.created) {
    lines.push(
      admin.password
        ? `系统管理员 admin 的初始密码（只显示这一次，请妥善保存）：${admin.password}`
        : '系统管理员 admin 的密码为 ADMIN_PASSWORD 所设。',
    );
  }
  if (seeded || config.seedDemo) {
    lines.push(`演示账号（初始密码 ${DEMO_PASSWORD}，修改过的以新密码为准）：`);
    for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(14)} ${u.displayName}  ${u.note}`);
  }
  return { database, audit, lines };
}

const databaseOptions = (config: AppConfig) => ({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  readUrl: config.databaseReadUrl,
  readMaxLagMs: config.databaseReadMaxLagMs,
});

/** One serving process: the API, the web app and the job queue, until SIGTERM or SIGINT. */
async function serve(config: AppConfig, database: Database, audit: Anchor) {
  // 邮件通知: only when an SMTP server is configured (SMTP_URL or SMTP_HOST …); otherwise no e-mail at all.
  const mail = config.mail ? { settings: config.mail, mailer: createSmtpMailer(config.mail) } : undefined;
  const { app, services, metrics } = await buildApp({
    database,
    config,
    logger: { level: config.logLevel },
    audit: audit.anchor,
    mail,
    metrics: config.metricsToken
      ? { token: config.metricsToken, gather: cluster.isWorker ? gatherFromPrimary : undefined }
      : undefined,
  });
  await services.auditService.checkpoint(); // the anchor at start-up; onClose writes the last one

  // Durable jobs in the database (reminder scans …): they survive restarts and run once across processes.
  const jobs = createJobQueue({ executeSql: database.executeSql, jobs: services.jobs });
  // pg-boss creates its tables and queues on start; processes starting together would deadlock.
  await database.exclusively(() => jobs.start());
  metrics?.watchQueue(() => jobs.depth());
  if (cluster.isWorker && metrics) shareMetrics(metrics.registry);

  const shutdown = createShutdown({ app, jobs, mailer: mail?.mailer, database });
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await app.listen({ host: config.host, port: config.port });
}

/** A worker answers the primary's requests for its metrics (prom-client's cluster aggregation). */
function shareMetrics(registry: Registry) {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs the worker's side of the exchange
}

function printBanner(config: AppConfig, database: Database, audit: Anchor, extra: string[]) {
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const where =
    database.kind === 'pglite'
      ? `内置数据库 PGlite：${config.dataDir}`
      : `PostgreSQL（DATABASE_URL）${config.databaseReadUrl ? `，大查询读只读副本（DATABASE_READ_URL，延迟上限 ${config.databaseReadMaxLagMs} ms）` : ''}`;
  const lines = [
    '',
    `红盾 RedShield 已启动：${url}${config.workers ? `（${config.workers} 个进程）` : ''}`,
    `接口文档：${url}/api/docs    数据：${where}`,
    config.mail
      ? `邮件通知：经 ${new URL(config.mail.smtpUrl).host} 发送，发件人 ${config.mail.from}`
      : '邮件通知：未配置 SMTP，仅站内消息',
    `审计密钥：${audit.keySource}（不在数据库中；请另行备份，勿与数据库备份放在一起）    审计检查点：${config.auditCheckpointFile}`,
    ...extra,
  ];
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error('启动失败：', err);
  process.exit(1);
});
