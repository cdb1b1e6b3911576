/**
 * `npm run federation -- <command>`: 省级数据汇聚 (issue 22), provinces → nation by PostgreSQL
 * logical replication. Works on the database the server uses (DATABASE_URL; PostgreSQL only, the
 * same migrations everywhere — the nation migrates first). In order:
 *
 *   nation:   federation header --campaign <national campaign id> [--campaign …] > nation.json
 *   province: federation publish --header nation.json     (wal_level = logical; idempotent)
 *   nation:   federation subscribe --name zj --conninfo 'host=… dbname=… user=… password=…' \
 *                                  --url https://redshield.zj.example
 *   nation:   federation status
 *   nation:   federation unsubscribe --name zj   (its rows removed; subscribe again = a fresh full copy)
 *   nation:   federation setup        (after an upgrade: the national triggers again, for new figure columns)
 *
 * `publish` holds the national root and campaigns as stubs, puts the province's root under the
 * national root (roll-ups recomputed), and publishes units, campaigns, campaign_categories,
 * rollup_daily and rollup_monthly without the stubs; run it again with a new header to join a
 * later national campaign. `subscribe` records the province, installs the national triggers and
 * creates the subscription; run `subscribe` once per province.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { ephemeralAuditAnchor, loadAuditAnchor } from '../modules/audit/audit.anchor';
import type { FederationHeader } from '../modules/federation/federation.service';
import { createServices } from '../services';

const USAGE = `用法：
  npm run federation -- header --campaign <行动编号> [--campaign …]    （国家级）输出各省加入所需的根单位与行动（JSON）
  npm run federation -- publish --header <文件>                       （省级）挂到国家级根单位下并发布
  npm run federation -- subscribe --name <省份简称> --conninfo <连接串> --url <该省系统地址>   （国家级）订阅一个省
  npm run federation -- status                                        （国家级）各省订阅的状态
  npm run federation -- unsubscribe --name <省份简称>                  （国家级）取消订阅并删除该省的数据
  npm run federation -- setup                                         （国家级）升级后重装国家级触发器`;

/**
 * `publish` writes audit entries: they are signed with the server's own audit key (AUDIT_KEY or its
 * key file), never a new one made here. The other commands write none.
 */
function auditAnchor(command: string | undefined, config: ReturnType<typeof loadConfig>) {
  if (command !== 'publish') return ephemeralAuditAnchor();
  if (!config.auditKey && !fs.existsSync(config.auditKeyFile))
    throw new Error(
      `找不到审计密钥（${config.auditKeyFile}）：请在服务器上、用与服务相同的 DATA_DIR / AUDIT_KEY / AUDIT_KEY_FILE 运行`,
    );
  return loadAuditAnchor(config).anchor;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      campaign: { type: 'string', multiple: true },
      header: { type: 'string' },
      name: { type: 'string' },
      conninfo: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (!['header', 'publish', 'subscribe', 'status', 'unsubscribe', 'setup'].includes(command ?? '')) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('省级数据汇聚需要 PostgreSQL（设置 DATABASE_URL）');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '' });
  const { federationService } = createServices(database.db, { audit: auditAnchor(command, config) });
  try {
    switch (command) {
      case 'header': {
        if (!values.campaign?.length) throw new Error(USAGE);
        process.stdout.write(`${JSON.stringify(await federationService.header(values.campaign), null, 2)}\n`);
        return 0;
      }
      case 'publish': {
        if (!values.header) throw new Error(USAGE);
        const header = JSON.parse(fs.readFileSync(values.header, 'utf8')) as FederationHeader;
        await federationService.publish(header);
        console.log(`已挂到“${header.unit.name}”之下并发布（发布名 redshield_federation）。`);
        return 0;
      }
      case 'subscribe': {
        if (!values.name || !values.conninfo || !values.url) throw new Error(USAGE);
        const s = await federationService.subscribe({
          name: values.name,
          conninfo: values.conninfo,
          baseUrl: values.url,
        });
        console.log(`已订阅“${s.provinceName}”（订阅名 ${s.subscription}）；首次复制在后台进行，用 status 查看。`);
        return 0;
      }
      case 'status': {
        for (const s of await federationService.status())
          console.log(
            `${s.name}\t${s.subscription}\t${s.up ? '已连接' : '未连接'}\t最近消息 ${s.lastMessageSeconds?.toFixed(1) ?? '—'} s 前\t${s.baseUrl}`,
          );
        return 0;
      }
      case 'unsubscribe': {
        if (!values.name) throw new Error(USAGE);
        const p = await federationService.unsubscribe(values.name);
        console.log(`已取消订阅“${p.name}”，并删除了它的单位、行动与统计。`);
        return 0;
      }
      case 'setup': {
        await federationService.setup();
        console.log('已重装国家级触发器。');
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
