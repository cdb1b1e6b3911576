import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { EntityHistorySource } from '../../platform/entity-history';
import { unitIdInScope } from '../../platform/scope';
import { units } from '../units/units.schema';
import { STAGE_LABELS } from './cases.rules';
import { cases } from './cases.schema';

/** 经济户口: the cases whose party is the entity (by its credit code, cases_party_credit_code_idx), in the actor's scope. */
export function createCaseEntityHistory({ db }: { db: Db }): EntityHistorySource {
  return {
    kind: 'case',
    async list(actor, entity, limit) {
      const rows = await db
        .select({
          id: cases.id,
          caseNumber: cases.caseNumber,
          name: cases.name,
          filingDate: cases.filingDate,
          stage: cases.stage,
          unitName: units.name,
        })
        .from(cases)
        .innerJoin(units, eq(units.id, cases.unitId))
        .where(and(eq(cases.partyCreditCode, entity.creditCode), unitIdInScope(actor, cases.unitId)))
        .orderBy(desc(cases.filingDate), desc(cases.createdAt))
        .limit(limit);
      return rows.map((r) => ({
        kind: 'case',
        recordId: r.id,
        date: r.filingDate,
        title: `立案 ${r.caseNumber} ${r.name}`,
        status: STAGE_LABELS[r.stage],
        unitName: r.unitName,
        link: `/cases/${r.id}`,
      }));
    },
  };
}
