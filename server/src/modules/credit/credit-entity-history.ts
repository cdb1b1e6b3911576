import { and, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { EntityHistorySource } from '../../platform/entity-history';
import { unitIdInScope } from '../../platform/scope';
import { units } from '../units/units.schema';
import { ABNORMAL_REASON_LABELS, LIST_KIND_LABELS } from './credit-views';
import { creditListings } from './credit.schema';

/**
 * 经济户口: the entity's 经营异常名录 and 严重违法失信名单 listings (linked to the register's entity,
 * or naming its credit code), decided by units in the actor's scope.
 */
export function createCreditEntityHistory({ db }: { db: Db }): EntityHistorySource {
  return {
    kind: 'credit_listing',
    async list(actor, entity, limit) {
      const rows = await db
        .select({ listing: creditListings, unitName: units.name })
        .from(creditListings)
        .innerJoin(units, eq(units.id, creditListings.unitId))
        .where(
          and(
            or(eq(creditListings.marketEntityId, entity.id), eq(creditListings.creditCode, entity.creditCode)),
            unitIdInScope(actor, creditListings.unitId),
          ),
        )
        .orderBy(desc(creditListings.listedDate), desc(creditListings.createdAt))
        .limit(limit);
      return rows.map(({ listing: l, unitName }) => ({
        kind: 'credit_listing',
        recordId: l.id,
        date: l.listedDate,
        title: `列入${LIST_KIND_LABELS[l.listKind]}（${l.decisionNumber}）${
          l.abnormalReason ? `：${ABNORMAL_REASON_LABELS[l.abnormalReason]}` : l.reasonText ? `：${l.reasonText}` : ''
        }`,
        status: l.status === 'listed' ? '列入中' : `${l.removedDate ?? ''}已移出`,
        unitName,
        link: `/credit?tab=${l.listKind}&listStatus=${l.status}`,
      }));
    },
  };
}
