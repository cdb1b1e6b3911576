import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { containing, unitIdInScope } from '../../platform/scope';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import type { AssistanceStatus } from './assistance-status';
import {
  assistanceAttachments,
  assistanceReplies,
  assistanceRequests,
  type AssistanceRequestInsert,
  type AssistanceRequestRow,
} from './assistance.schema';

const fromUnit = alias(units, 'assistance_from_unit');
const toUnit = alias(units, 'assistance_to_unit');
const creator = alias(users, 'assistance_creator');
const withNames = {
  ...getTableColumns(assistanceRequests),
  fromUnitName: fromUnit.name,
  fromUnitPath: fromUnit.path,
  toUnitName: toUnit.name,
  toUnitPath: toUnit.path,
  createdByName: creator.displayName,
};
export type AssistanceNamedRow = AssistanceRequestRow & {
  fromUnitName: string;
  fromUnitPath: string;
  toUnitName: string;
  toUnitPath: string;
  createdByName: string | null;
};

const selectNamed = (db: Db) =>
  db
    .select(withNames)
    .from(assistanceRequests)
    .innerJoin(fromUnit, eq(fromUnit.id, assistanceRequests.fromUnitId))
    .innerJoin(toUnit, eq(toUnit.id, assistanceRequests.toUnitId))
    .leftJoin(creator, eq(creator.id, assistanceRequests.createdBy));

/** The crossing of unit scope, in one place: a request is seen from the sending or the receiving bureau's scope. */
export const sentInScope = (actor: Actor) => unitIdInScope(actor, assistanceRequests.fromUnitId);
export const receivedInScope = (actor: Actor) => unitIdInScope(actor, assistanceRequests.toUnitId);
export const assistanceInScope = (actor: Actor) => or(sentInScope(actor), receivedInScope(actor))!;

export interface AssistanceListFilter {
  direction: 'sent' | 'received';
  status?: AssistanceStatus;
  kind?: 'assistance' | 'lead_notice';
  q?: string;
  page: number;
  pageSize: number;
}

export function createAssistanceRepository() {
  return {
    async list(db: Db, actor: Actor, f: AssistanceListFilter) {
      const conds: SQL[] = [f.direction === 'sent' ? sentInScope(actor) : receivedInScope(actor)];
      if (f.status) conds.push(eq(assistanceRequests.status, f.status));
      if (f.kind) conds.push(eq(assistanceRequests.kind, f.kind));
      if (f.q) conds.push(ilike(assistanceRequests.title, containing(f.q)));
      const where = and(...conds);
      const rows = await selectNamed(db)
        .where(where)
        .orderBy(desc(assistanceRequests.createdAt), desc(assistanceRequests.id))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize);
      const [{ n }] = await db.select({ n: count() }).from(assistanceRequests).where(where);
      return { rows, total: n };
    },

    /** One request seen from either end of the actor's scope; undefined otherwise (404). */
    async findVisible(db: Db, actor: Actor, id: string): Promise<AssistanceNamedRow | undefined> {
      const [row] = await selectNamed(db).where(and(eq(assistanceRequests.id, id), assistanceInScope(actor)));
      return row;
    },

    async insert(tx: Db, row: AssistanceRequestInsert): Promise<AssistanceRequestRow> {
      const [created] = await tx.insert(assistanceRequests).values(row).returning();
      return created;
    },

    /** Updates at `version`; undefined when someone changed it in between (409). */
    async update(tx: Db, id: string, version: number, patch: Partial<AssistanceRequestInsert>) {
      const [row] = await tx
        .update(assistanceRequests)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(assistanceRequests.id, id), eq(assistanceRequests.version, version)))
        .returning();
      return row as AssistanceRequestRow | undefined;
    },

    replies: (db: Db, requestId: string) =>
      db
        .select()
        .from(assistanceReplies)
        .where(eq(assistanceReplies.requestId, requestId))
        .orderBy(asc(assistanceReplies.createdAt)),

    async insertReply(tx: Db, row: typeof assistanceReplies.$inferInsert) {
      const [created] = await tx.insert(assistanceReplies).values(row).returning();
      return created;
    },

    attachments: (db: Db, requestId: string) =>
      db
        .select({
          id: assistanceAttachments.id,
          side: assistanceAttachments.side,
          fileName: assistanceAttachments.fileName,
          mimeType: assistanceAttachments.mimeType,
          sizeBytes: assistanceAttachments.sizeBytes,
          sha256: assistanceAttachments.sha256,
          uploadedByName: assistanceAttachments.uploadedByName,
          uploadedAt: assistanceAttachments.uploadedAt,
        })
        .from(assistanceAttachments)
        .where(eq(assistanceAttachments.requestId, requestId))
        .orderBy(asc(assistanceAttachments.uploadedAt)),

    async insertAttachment(tx: Db, row: typeof assistanceAttachments.$inferInsert) {
      const [created] = await tx.insert(assistanceAttachments).values(row).returning();
      return created;
    },

    async attachment(db: Db, requestId: string, id: string) {
      const [row] = await db
        .select()
        .from(assistanceAttachments)
        .where(and(eq(assistanceAttachments.requestId, requestId), eq(assistanceAttachments.id, id)));
      return row;
    },

    /** The bureaus a request may go to: every active bureau on the installation, with its parent's name only. */
    recipients: (db: Db) => {
      const parent = alias(units, 'assistance_recipient_parent');
      return db
        .select({ id: units.id, name: units.name, parentName: parent.name })
        .from(units)
        .leftJoin(parent, eq(parent.id, units.parentId))
        .where(and(eq(units.kind, 'bureau'), eq(units.active, true)))
        .orderBy(asc(units.path));
    },

    async bureau(db: Db, id: string) {
      const [row] = await db
        .select()
        .from(units)
        .where(and(eq(units.id, id), eq(units.kind, 'bureau'), eq(units.active, true)));
      return row;
    },

    /** The inbox: requests to the actor's bureaus in `statuses`, nearest due first. */
    toHandle: (db: Db, actor: Actor, statuses: AssistanceStatus[], limit: number) =>
      selectNamed(db)
        .where(and(receivedInScope(actor), inArray(assistanceRequests.status, statuses)))
        .orderBy(asc(assistanceRequests.replyDueDate))
        .limit(limit),

    /** The inbox: the actor's bureaus' requests answered since it was sent, or past due without an answer. */
    sentNeedingAttention: (db: Db, actor: Actor, today: string, limit: number) =>
      selectNamed(db)
        .where(
          and(
            sentInScope(actor),
            or(
              and(inArray(assistanceRequests.status, ['sent', 'accepted']), lt(assistanceRequests.replyDueDate, today)),
              and(
                eq(assistanceRequests.status, 'answered'),
                sql`${assistanceRequests.updatedAt} > now() - interval '14 days'`,
              ),
            ),
          ),
        )
        .orderBy(asc(assistanceRequests.replyDueDate))
        .limit(limit),
  };
}

export type AssistanceRepository = ReturnType<typeof createAssistanceRepository>;
