import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { loadAuditAnchor } from './modules/audit/audit.anchor';
import { createServices } from './services';
import { createJobQueue } from './platform/jobs/job-queue';
import { createSmtpMailer } from './platform/mail/mailer';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoAtomically } from './seed/demo';

/** Starts RedShield: opens (and migrates) the database, seeds an empty one, serves the API and the web app. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // The audit chain's key and checkpoints: outside the database (config.ts says where).
  const audit = loadAuditAnchor(config);
  // 邮件通知: only when an SMTP server is configured (SMTP_URL or SMTP_HOST …); otherwise no e-mail at all.
  const mail = config.mail ? { settings: config.mail, mailer: createSmtpMailer(config.mail) } : undefined;
  const { app, services } = await buildApp({
    database,
    config,
    logger: { level: config.logLevel },
    audit: audit.anchor,
    mail,
  });

  // A new key over entries signed with another: verify will say so; the old key file may be restorable.
  const signedBefore = audit.created ? await services.auditService.firstKeyedSeq() : undefined;
  if (signedBefore !== undefined) {
    console.error(
      `警告：审计密钥文件 ${audit.keySource} 是本次启动新生成的，但审计日志自第 ${signedBefore} 条起已用另一把密钥签名，校验将报告这些记录不符。` +
        '若原密钥仍在，请停止服务，放回原密钥文件（或设置 AUDIT_KEY / AUDIT_KEY_FILE）后再启动。',
    );
  }

  const admin = await services.authService.ensureSystemAdmin(config.adminPassword);
  const seeded = config.seedDemo
    ? await seedDemoAtomically(database.db, (db) => createServices(db, { audit: audit.anchor }))
    : false;
  await services.auditService.checkpoint(); // the anchor at start-up; onClose writes the last one

  // Durable jobs in the database (reminder scans …): they survive restarts and run once across processes.
  const jobs = createJobQueue({ executeSql: database.executeSql, jobs: services.jobs });
  await jobs.start();

  const close = async () => {
    await jobs.stop();
    mail?.mailer.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);

  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const where = database.kind === 'pglite' ? `内置数据库 PGlite：${config.dataDir}` : 'PostgreSQL（DATABASE_URL）';
  const lines = [
    '',
    `红盾 RedShield 已启动：${url}`,
    `接口文档：${url}/api/docs    数据：${where}`,
    mail
      ? `邮件通知：经 ${new URL(mail.settings.smtpUrl).host} 发送，发件人 ${mail.settings.from}`
      : '邮件通知：未配置 SMTP，仅站内消息',
    `审计密钥：${audit.keySource}（不在数据库中；请另行备份，勿与数据库备份放在一起）    审计检查点：${config.auditCheckpointFile}`,
  ];
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
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error('启动失败：', err);
  process.exit(1);
});
