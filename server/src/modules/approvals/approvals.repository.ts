import { and, desc, eq, getTableColumns, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { Role } from '../../platform/roles';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  approvalRequests,
  type ApprovalRequestInsert,
  type ApprovalRequestRow,
  type ApprovalStatus,
} from './approvals.schema';

export interface ApprovalFilters {
  /** The actor's scope (unitIdInScope on the request's unit). */
  scope: SQL;
  status?: ApprovalStatus;
  /** Only requests this person may decide: of a role he holds, not his own, not named to another. */
  decidableBy?: { userId: string; roles: Role[] };
  record?: { recordType: string; recordId: string };
}

const requester = alias(users, 'approval_requester');
const decider = alias(users, 'approval_decider');
const withNames = {
  ...getTableColumns(approvalRequests),
  requestedByName: requester.displayName,
  decidedByName: decider.displayName,
  unitName: units.name,
};
export type ApprovalListRow = ApprovalRequestRow & {
  requestedByName: string | null;
  decidedByName: string | null;
  unitName: string | null;
};

function where(f: ApprovalFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.status) conds.push(eq(approvalRequests.status, f.status));
  if (f.record)
    conds.push(eq(approvalRequests.recordType, f.record.recordType), eq(approvalRequests.recordId, f.record.recordId));
  if (f.decidableBy) {
    const { userId, roles } = f.decidableBy;
    conds.push(
      roles.length ? inArray(approvalRequests.approverRole, roles) : sql`false`,
      ne(approvalRequests.requestedBy, userId),
      or(isNull(approvalRequests.namedApproverId), eq(approvalRequests.namedApproverId, userId))!,
    );
  }
  return and(...conds)!;
}

export function createApprovalsRepository() {
  const selectNamed = (db: Db) =>
    db
      .select(withNames)
      .from(approvalRequests)
      .leftJoin(requester, eq(requester.id, approvalRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, approvalRequests.decidedBy))
      .leftJoin(units, eq(units.id, approvalRequests.unitId));

  return {
    async insert(tx: Db, row: ApprovalRequestInsert): Promise<ApprovalRequestRow> {
      const [created] = await tx.insert(approvalRequests).values(row).returning();
      return created;
    },

    async list(db: Db, f: ApprovalFilters, limit = 200): Promise<ApprovalListRow[]> {
      return selectNamed(db).where(where(f)).orderBy(desc(approvalRequests.requestedAt)).limit(limit);
    },

    async findVisible(db: Db, id: string, scope: SQL): Promise<ApprovalListRow | undefined> {
      const [row] = await selectNamed(db).where(and(eq(approvalRequests.id, id), scope));
      return row;
    },

    /** Pending requests of a kind for a record (a module refuses a second while one is open). */
    async pendingFor(db: Db, recordId: string, kinds: string[]): Promise<ApprovalRequestRow[]> {
      return db
        .select()
        .from(approvalRequests)
        .where(
          and(
            eq(approvalRequests.recordId, recordId),
            inArray(approvalRequests.kind, kinds),
            eq(approvalRequests.status, 'pending'),
          ),
        );
    },

    /** Pending requests of a kind about records of a unit (a record not yet made: a case asked to be filed). */
    async pendingInUnit(db: Db, kind: string, unitId: string): Promise<ApprovalRequestRow[]> {
      return db
        .select()
        .from(approvalRequests)
        .where(
          and(
            eq(approvalRequests.unitId, unitId),
            eq(approvalRequests.kind, kind),
            eq(approvalRequests.status, 'pending'),
          ),
        );
    },

    /** Ends a pending request at the version read; undefined when it was decided or changed meanwhile. */
    async close(
      tx: Db,
      id: string,
      version: number,
      patch: Pick<ApprovalRequestRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionComment'>,
    ): Promise<ApprovalRequestRow | undefined> {
      const [row] = await tx
        .update(approvalRequests)
        .set({ ...patch, version: version + 1 })
        .where(
          and(
            eq(approvalRequests.id, id),
            eq(approvalRequests.version, version),
            eq(approvalRequests.status, 'pending'),
          ),
        )
        .returning();
      return row;
    },
  };
}

export type ApprovalsRepository = ReturnType<typeof createApprovalsRepository>;
