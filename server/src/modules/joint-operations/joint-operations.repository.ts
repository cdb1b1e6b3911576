import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cappedCount } from '../../platform/db/capped-count';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import {
  jointOperations,
  type JointOperationInsert,
  type JointOperationKind,
  type JointOperationRow,
} from './joint-operations.schema';

export interface JointOperationFilters {
  scope: SQL;
  campaignPath?: string;
  unitPath?: string;
  kind?: JointOperationKind;
  /** Start date within [from, to]. */
  from?: string;
  to?: string;
}

/** The sums of the filtered operations per kind. */
export interface JointOperationSums {
  kind: JointOperationKind;
  count: number;
  staffDeployed: number;
  entitiesInspected: number;
  problemsFound: number;
  casesFiled: number;
}

function where(f: JointOperationFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignPath) conds.push(idInTree(jointOperations.campaignId, campaigns, f.campaignPath));
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, jointOperations.unitId));
  if (f.kind) conds.push(eq(jointOperations.kind, f.kind));
  if (f.from) conds.push(sql`${jointOperations.startDate} >= ${f.from}`);
  if (f.to) conds.push(sql`${jointOperations.startDate} <= ${f.to}`);
  return and(...conds)!;
}

export function createJointOperationsRepository() {
  return {
    /** One page, newest first (read along joint_operations_list_order_idx). */
    page: (db: Db, f: JointOperationFilters & { limit: number; offset: number }): Promise<JointOperationRow[]> =>
      db
        .select()
        .from(jointOperations)
        .where(where(f))
        .orderBy(desc(jointOperations.startDate), desc(jointOperations.createdAt))
        .limit(f.limit)
        .offset(f.offset),

    count: (db: Db, f: JointOperationFilters) => cappedCount(db, jointOperations, where(f)),

    /** Counts and figures per kind over the filtered operations. */
    sums: (db: Db, f: JointOperationFilters): Promise<JointOperationSums[]> =>
      db
        .select({
          kind: jointOperations.kind,
          count: sql<number>`count(*)::int`,
          staffDeployed: sql<number>`coalesce(sum(${jointOperations.staffDeployed}), 0)::int`,
          entitiesInspected: sql<number>`coalesce(sum(${jointOperations.entitiesInspected}), 0)::int`,
          problemsFound: sql<number>`coalesce(sum(${jointOperations.problemsFound}), 0)::int`,
          casesFiled: sql<number>`coalesce(sum(${jointOperations.casesFiled}), 0)::int`,
        })
        .from(jointOperations)
        .where(where(f))
        .groupBy(jointOperations.kind),

    /** The departments the filtered operations were held with, per kind (each once). */
    departments: (db: Db, f: JointOperationFilters): Promise<{ kind: JointOperationKind; department: string }[]> =>
      db
        .selectDistinct({
          kind: jointOperations.kind,
          department: sql<string>`unnest(${jointOperations.departments})`.as('department'),
        })
        .from(jointOperations)
        .where(where(f))
        .orderBy(asc(jointOperations.kind)),

    async findVisible(db: Db, id: string, scope: SQL): Promise<JointOperationRow | undefined> {
      const [row] = await db
        .select()
        .from(jointOperations)
        .where(and(eq(jointOperations.id, id), scope));
      return row;
    },

    async insert(tx: Db, row: JointOperationInsert): Promise<JointOperationRow> {
      const [created] = await tx.insert(jointOperations).values(row).returning();
      return created;
    },

    /** Updates when the stored version is `version`; undefined when someone saved in between. */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<JointOperationInsert>,
    ): Promise<JointOperationRow | undefined> {
      const [row] = await tx
        .update(jointOperations)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(jointOperations.id, id), eq(jointOperations.version, version)))
        .returning();
      return row;
    },
  };
}

export type JointOperationsRepository = ReturnType<typeof createJointOperationsRepository>;
