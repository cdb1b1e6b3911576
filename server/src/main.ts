import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoAtomically } from './seed/demo';

/** Starts RedShield: opens (and migrates) the database, seeds an empty one, serves the API and the web app. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { app, services } = await buildApp({
    database,
    config,
    logger: { level: config.logLevel },
  });

  const admin = await services.authService.ensureSystemAdmin(config.adminPassword);
  const seeded = config.seedDemo ? await seedDemoAtomically(database.db) : false;

  const close = async () => {
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
  ];
  if (admin.created) {
    lines.push(admin.password ? `系统管理员 admin 的初始密码（只显示这一次，请妥善保存）：${admin.password}` : '系统管理员 admin 的密码为 ADMIN_PASSWORD 所设。');
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
