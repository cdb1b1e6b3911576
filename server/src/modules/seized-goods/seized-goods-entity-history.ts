import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { EntityHistorySource } from '../../platform/entity-history';
import { unitIdInScope } from '../../platform/scope';
import type { SeizedGoodsRepository } from './seized-goods.repository';
import { SEIZURE_MEASURE_LABELS, seizedGoods } from './seized-goods.schema';
import { CUSTODY_STATUS_LABELS, normalizeQuantity } from './seized-quantity';

/**
 * 经济户口: the goods seized from an entity (kind 'seizure'), in the actor's scope, newest first:
 * "私宰肉 3478公斤 · 扣押" with its custody status (在库 / 部分处置 / 已处置).
 */
export function createSeizureEntityHistory(deps: {
  db: Db;
  seizedGoodsRepository: Pick<SeizedGoodsRepository, 'forEntity'>;
}): EntityHistorySource {
  const { db, seizedGoodsRepository: repo } = deps;
  return {
    kind: 'seizure',
    async list(actor: Actor, entity, limit) {
      const rows = await repo.forEntity(db, entity.id, unitIdInScope(actor, seizedGoods.unitId), limit);
      return rows.map(({ row, unitName }) => ({
        kind: 'seizure',
        recordId: row.id,
        date: row.seizedDate,
        title: `${row.goods} ${normalizeQuantity(row.quantity)}${row.quantityUnit} · ${SEIZURE_MEASURE_LABELS[row.measure]}`,
        status: CUSTODY_STATUS_LABELS[row.status],
        unitName,
        link: `/seized-goods/${row.id}`,
      }));
    },
  };
}
