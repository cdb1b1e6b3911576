/**
 * `npm run verify-rollups`: recomputes every stored figure of the roll-ups from the records (cases,
 * inspections) and reports each difference. Exit code 0 when they agree, 1 otherwise. Reads the
 * database the server uses (DATA_DIR, or DATABASE_URL); stop the server first when it is PGlite.
 * With --repair, rebuilds the table from the records after reporting.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createRollupsRepository } from '../modules/rollups/rollups.repository';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const repo = createRollupsRepository();
  try {
    const started = Date.now();
    const differences = await repo.differences(database.db, 100);
    if (differences.length === 0) {
      console.log(`统计汇总与原始记录一致（用时 ${Date.now() - started} ms）。`);
      return 0;
    }
    console.log(`统计汇总与原始记录不一致，以下为前 ${differences.length} 处（expected = 由记录重算，actual = 已存）：`);
    for (const d of differences) console.log(JSON.stringify(d));
    if (process.argv.includes('--repair')) {
      await database.db.transaction((tx) => repo.rebuild(tx));
      console.log('已按原始记录重建统计汇总。');
    }
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
