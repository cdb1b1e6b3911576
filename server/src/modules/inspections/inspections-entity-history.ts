import { and, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { EntityHistorySource } from '../../platform/entity-history';
import { unitIdInScope } from '../../platform/scope';
import type { EntityOutingCounts } from '../market-entities/frequency-rules.service';
import { units } from '../units/units.schema';
import { INSPECTION_TYPE_LABELS, ENTITY_RESULT_LABELS } from './inspection.types';
import { inspectionEntities, inspections } from './inspections.schema';

/** 经济户口: the outings that named the entity, those of units in the actor's scope only. */
export function createInspectionEntityHistory({ db }: { db: Db }): EntityHistorySource {
  return {
    kind: 'inspection',
    async list(actor, entity, limit) {
      const rows = await db
        .select({
          id: inspections.id,
          date: inspections.inspectionDate,
          type: inspections.inspectionType,
          result: inspectionEntities.result,
          finding: inspectionEntities.finding,
          unitName: units.name,
        })
        .from(inspectionEntities)
        .innerJoin(inspections, eq(inspections.id, inspectionEntities.inspectionId))
        .innerJoin(units, eq(units.id, inspections.unitId))
        .where(and(eq(inspectionEntities.entityId, entity.id), unitIdInScope(actor, inspections.unitId)))
        .orderBy(desc(inspections.inspectionDate), desc(inspections.createdAt))
        .limit(limit);
      return rows.map((r) => ({
        kind: 'inspection',
        recordId: r.id,
        date: r.date,
        title: `${INSPECTION_TYPE_LABELS[r.type]}检查${r.finding ? ` · ${r.finding}` : ''}`,
        status: ENTITY_RESULT_LABELS[r.result],
        unitName: r.unitName,
        link: `/inspections/${r.id}`,
      }));
    },
  };
}

/** Outings naming an entity between two days (the frequency rules' count), along inspection_entities_entity_idx. */
export const inspectionOutingCounts: EntityOutingCounts = {
  countSql: (entityId: AnyPgColumn, from: string, to: string) =>
    sql<number>`(select count(*) from ${inspectionEntities} ie join ${inspections} i on i.id = ie.inspection_id where ie.entity_id = ${entityId} and i.inspection_date between ${from} and ${to})`,
};
