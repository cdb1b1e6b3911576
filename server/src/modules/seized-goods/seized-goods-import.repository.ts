import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cases } from '../cases/cases.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { seizedGoods, seizedGoodsDisposals, type DisposalInsert, type SeizedGoodsInsert } from './seized-goods.schema';

/**
 * The reads and writes of the 罚没物品台账 import: what a spreadsheet names (保管人 by name, 案件编号,
 * 统一社会信用代码), each with its unit's path, and the batch inserts. Scope comes from the caller
 * (scope.ts helpers), never written here.
 */
export function createSeizedGoodsImportRepository() {
  return {
    /** Active users with one of these names, with their units' paths (a 保管人 is in the record's unit line). */
    usersByName: (db: Db, names: string[]) =>
      names.length
        ? db
            .select({ id: users.id, displayName: users.displayName, unitPath: units.path })
            .from(users)
            .innerJoin(units, eq(units.id, users.unitId))
            .where(and(inArray(users.displayName, names), eq(users.active, true)))
        : Promise.resolve([]),

    /** Cases with these numbers within `scope`, with their units' paths. */
    casesByNumber: (db: Db, numbers: string[], scope: SQL) =>
      numbers.length
        ? db
            .select({ id: cases.id, caseNumber: cases.caseNumber, unitPath: units.path })
            .from(cases)
            .innerJoin(units, eq(units.id, cases.unitId))
            .where(and(inArray(cases.caseNumber, numbers), scope))
        : Promise.resolve([]),

    /** Entities of the register with these credit codes within `scope`. */
    entitiesByCreditCode: (db: Db, codes: string[], scope: SQL) =>
      codes.length
        ? db
            .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
            .from(marketEntities)
            .where(and(inArray(marketEntities.creditCode, codes), scope))
        : Promise.resolve([]),

    async insertMany(tx: Db, rows: (SeizedGoodsInsert & { id: string })[], disposals: DisposalInsert[]) {
      if (rows.length) await tx.insert(seizedGoods).values(rows);
      if (disposals.length) await tx.insert(seizedGoodsDisposals).values(disposals);
    },
  };
}

export type SeizedGoodsImportRepository = ReturnType<typeof createSeizedGoodsImportRepository>;
