/**
 * `npm run verify-rollups`: recomputes every stored figure of the roll-ups from the records (cases,
 * inspections) and reports each difference, and each case counted more than once in one campaign tree.
 * Exit code 0 when they agree, 1 otherwise. Reads the
 * database the server uses (DATA_DIR, or DATABASE_URL); stop the server first when it is PGlite.
 * With --repair, rebuilds the table from the records after reporting. Refuses on a national
 * installation that receives provinces' roll-ups (issue 22): run it in each province instead.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createCasesRepository } from '../modules/cases/cases.repository';
import { createFederationRepository } from '../modules/federation/federation.repository';
import { createRollupsRepository } from '../modules/rollups/rollups.repository';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const repo = createRollupsRepository();
  try {
    // A national installation (省级数据汇聚) holds the provinces' figures without their records.
    const provinces = await createFederationRepository().provinces(database.db);
    if (provinces.length) {
      console.log(
        `本系统汇聚了 ${provinces.length} 个省的统计（${provinces.map((p) => p.name).join('、')}），这些数字没有原始记录在本库，无法在此核对；请在各省的系统中运行 verify-rollups。`,
      );
      return 2;
    }
    const started = Date.now();
    const differences = await repo.differences(database.db, 100);
    // A case counted twice in one campaign tree agrees with the records and still doubles the figures.
    const countedTwice = await createCasesRepository().countedTwiceInATree(database.db, 100);
    if (countedTwice.length) {
      console.log(
        `以下 ${countedTwice.length} 件案件在同一行动体系（方案及其实施方案）中计入了不止一次，该体系的统计重复计算了它们；请在案件中修改所属行动或“同时计入”的行动（--repair 不能代为决定）：`,
      );
      for (const c of countedTwice) console.log(JSON.stringify(c));
    }
    if (differences.length === 0) {
      if (countedTwice.length === 0) console.log(`统计汇总与原始记录一致（用时 ${Date.now() - started} ms）。`);
      return countedTwice.length ? 1 : 0;
    }
    console.log(
      `统计汇总与原始记录不一致，以下为前 ${differences.length} 处（expected = 由记录重算，actual = 已存）：`,
    );
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
