import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { seizedGoods, seizedGoodsDisposals, type DisposalInsert, type SeizedGoodsInsert } from './seized-goods.schema';

/**
 * The reads and writes of the 罚没物品台账 import: the 保管人 a spreadsheet names, with their units'
 * paths, and the batch inserts. The cases and entities it names are read by their own modules'
 * repositories (casesRepository.byNumbers, marketEntitiesRepository.namedByCreditCodes).
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

    async insertMany(tx: Db, rows: (SeizedGoodsInsert & { id: string })[], disposals: DisposalInsert[]) {
      if (rows.length) await tx.insert(seizedGoods).values(rows);
      if (disposals.length) await tx.insert(seizedGoodsDisposals).values(disposals);
    },
  };
}

export type SeizedGoodsImportRepository = ReturnType<typeof createSeizedGoodsImportRepository>;
