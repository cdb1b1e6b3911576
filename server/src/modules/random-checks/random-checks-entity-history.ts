import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { EntityHistorySource } from '../../platform/entity-history';
import { unitIdInScopeOrNamed } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import { units } from '../units/units.schema';
import { CHECK_RESULT_LABELS } from './random-check.types';
import { randomDrawItems, randomDraws } from './random-checks.schema';

/**
 * 经济户口: the 双随机 draws that picked the entity (those of units in the actor's scope, and those
 * that sent the actor), with their result; a draw replaced by a redraw is left out (never checked).
 */
export function createRandomCheckEntityHistory({ db }: { db: Db }): EntityHistorySource {
  return {
    kind: 'random_check',
    async list(actor, entity, limit) {
      const day = sql<string>`coalesce(${randomDrawItems.checkDate}::text, to_char(${randomDraws.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))`;
      const rows = await db
        .select({
          drawId: randomDraws.id,
          name: randomDraws.name,
          createdAt: randomDraws.createdAt,
          checkDate: randomDrawItems.checkDate,
          result: randomDrawItems.result,
          note: randomDrawItems.resultNote,
          unitName: units.name,
        })
        .from(randomDrawItems)
        .innerJoin(randomDraws, eq(randomDraws.id, randomDrawItems.drawId))
        .innerJoin(units, eq(units.id, randomDraws.unitId))
        .where(
          and(
            eq(randomDrawItems.entityId, entity.id),
            isNull(randomDraws.replacedById),
            unitIdInScopeOrNamed(actor, randomDraws.unitId, randomDraws.inspectorIds),
          ),
        )
        .orderBy(desc(day))
        .limit(limit);
      return rows.map((r) => ({
        kind: 'random_check',
        recordId: r.drawId,
        date: r.checkDate ?? todayInChina(r.createdAt),
        title: `双随机抽查 · ${r.name}${r.note ? ` · ${r.note}` : ''}`,
        status: r.result ? CHECK_RESULT_LABELS[r.result] : '待检查',
        unitName: r.unitName,
        link: `/random-checks/draws/${r.drawId}`,
      }));
    },
  };
}
