import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idInTree, pathInSubtree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import {
  rectificationAttachments,
  rectificationEvents,
  supervisionFindings as findings,
  supervisionGroupMembers as members,
  supervisionGroups as groups,
  supervisionRounds as rounds,
  supervisionVisits as visits,
  type RectificationStatus,
  type SupervisionFindingRow,
} from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/**
 * 发现问题 and their 整改: the findings of the supervision visits, read with the visit, group, round
 * and units they belong to, their history (reply, return, close) and the files of the replies.
 */

/** The visits of the groups a person leads or belongs to (the group may see its findings outside his scope). */
export { visitOfGroupPerson } from '../supervision/supervision.repository';

export interface FindingFilters {
  /** Who may see: the actor's scope on the finding's unit, or his groups' visits. */
  visible: SQL;
  unitPath?: string;
  campaignPath?: string;
  statuses?: RectificationStatus[];
  /** Open and past their deadline on this day. */
  overdueOn?: string;
  roundId?: string;
  groupId?: string;
  visitId?: string;
  /** Exactly this unit (我单位整改, the inbox): not its subtree. */
  unitId?: string;
}

function where(f: FindingFilters): SQL {
  const conds: SQL[] = [f.visible];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, findings.unitId));
  if (f.campaignPath) conds.push(idInTree(findings.campaignId, campaigns, f.campaignPath));
  if (f.statuses) conds.push(inArray(findings.status, f.statuses));
  if (f.overdueOn) conds.push(eq(findings.status, 'open'), sql`${findings.deadline} < ${f.overdueOn}`);
  if (f.roundId) conds.push(eq(visits.roundId, f.roundId));
  if (f.groupId) conds.push(eq(visits.groupId, f.groupId));
  if (f.visitId) conds.push(eq(findings.visitId, f.visitId));
  if (f.unitId) conds.push(eq(findings.unitId, f.unitId));
  return and(...conds)!;
}

const visitedUnit = alias(units, 'rect_visited_unit');
const creator = alias(users, 'rect_creator');
const closer = alias(users, 'rect_closer');
const withNames = {
  ...getTableColumns(findings),
  unitName: units.name,
  visitDate: visits.visitDate,
  visitUnitId: visits.unitId,
  visitUnitName: visitedUnit.name,
  groupId: visits.groupId,
  groupName: groups.name,
  groupLeaderId: groups.leaderId,
  organizerUnitId: groups.organizerUnitId,
  roundId: visits.roundId,
  roundTitle: rounds.title,
  createdByName: creator.displayName,
  closedByName: closer.displayName,
  latestReply: sql<
    string | null
  >`(select ${rectificationEvents.text} from ${rectificationEvents} where ${rectificationEvents.findingId} = ${findings.id} and ${rectificationEvents.kind} = 'reply' order by ${rectificationEvents.createdAt} desc limit 1)`,
};
export type FindingListRow = SupervisionFindingRow & {
  unitName: string;
  visitDate: string;
  visitUnitId: string;
  visitUnitName: string;
  groupId: string;
  groupName: string;
  groupLeaderId: string;
  organizerUnitId: string;
  roundId: string;
  roundTitle: string;
  createdByName: string | null;
  closedByName: string | null;
  latestReply: string | null;
};

function selectNamed(db: Db) {
  return db
    .select(withNames)
    .from(findings)
    .innerJoin(visits, eq(visits.id, findings.visitId))
    .innerJoin(groups, eq(groups.id, visits.groupId))
    .innerJoin(rounds, eq(rounds.id, visits.roundId))
    .innerJoin(units, eq(units.id, findings.unitId))
    .innerJoin(visitedUnit, eq(visitedUnit.id, visits.unitId))
    .leftJoin(creator, eq(creator.id, findings.createdBy))
    .leftJoin(closer, eq(closer.id, findings.closedBy));
}

/** Open and overdue first, then awaiting 复查, then closed; the nearest deadline first. */
const ledgerOrder = (today: string) => [
  desc(sql`(${findings.status} = 'open' and ${findings.deadline} < ${today})`),
  asc(sql`case ${findings.status} when 'open' then 0 when 'replied' then 1 when 'noted' then 2 else 3 end`),
  sql`${findings.deadline} asc nulls last`,
  desc(findings.createdAt),
  asc(findings.id),
];

const attachmentMeta = {
  id: rectificationAttachments.id,
  findingId: rectificationAttachments.findingId,
  eventId: rectificationAttachments.eventId,
  fileName: rectificationAttachments.fileName,
  mimeType: rectificationAttachments.mimeType,
  sizeBytes: rectificationAttachments.sizeBytes,
  sha256: rectificationAttachments.sha256,
  uploadedByName: rectificationAttachments.uploadedByName,
  uploadedAt: rectificationAttachments.uploadedAt,
};

export function createRectificationsRepository() {
  return {
    /**
     * The findings with 整改 demanded (any status but `noted`) under a campaign's tree, found in
     * [from, to] (China date of the finding), with whether they are 销号: the closure rate's records.
     */
    async demandedInTree(db: Db, q: { campaignPath: string; from: string; to: string }) {
      const foundOn = sql<string>`((${findings.createdAt} at time zone 'Asia/Shanghai')::date)::text`;
      return db
        .select({
          id: findings.id,
          description: findings.description,
          status: findings.status,
          date: foundOn,
          unitName: units.name,
          unitPath: units.path,
        })
        .from(findings)
        .innerJoin(units, eq(units.id, findings.unitId))
        .where(
          and(
            idInTree(findings.campaignId, campaigns, q.campaignPath),
            sql`${findings.status} <> 'noted'`,
            sql`${foundOn} between ${q.from} and ${q.to}`,
          ),
        )
        .orderBy(asc(findings.createdAt));
    },

    /** A visit with its group (leader, members, organiser) and the units it names. */
    async visitContext(db: Db, visitId: string) {
      const [row] = await db
        .select({
          visit: visits,
          group: groups,
          unitPath: units.path,
          unitName: units.name,
          organizerPath: sql<string>`(select ${units.path} from ${units} where ${units.id} = ${groups.organizerUnitId})`,
        })
        .from(visits)
        .innerJoin(groups, eq(groups.id, visits.groupId))
        .innerJoin(units, eq(units.id, visits.unitId))
        .where(eq(visits.id, visitId));
      if (!row) return undefined;
      const memberIds = (
        await db.select({ userId: members.userId }).from(members).where(eq(members.groupId, row.group.id))
      ).map((m) => m.userId);
      return { ...row, memberIds };
    },

    /** The active units a finding of a visit may concern: the visited unit and those below it. */
    unitsBelow: (db: Db, path: string) =>
      db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(pathInSubtree(units.path, path), eq(units.active, true)))
        .orderBy(asc(units.path))
        .limit(500),

    find: async (db: Db, id: string, visible: SQL): Promise<FindingListRow | undefined> =>
      (await selectNamed(db).where(and(eq(findings.id, id), visible)))[0],

    list: (db: Db, f: FindingFilters, today: string, page: { limit: number; offset: number }) =>
      selectNamed(db)
        .where(where(f))
        .orderBy(...ledgerOrder(today))
        .limit(page.limit)
        .offset(page.offset),

    /** How many findings match each status, and how many of them are overdue on `today`. */
    async totals(db: Db, f: FindingFilters, today: string) {
      const [row] = await db
        .select({
          all: sql<number>`count(*)::int`,
          open: sql<number>`count(*) filter (where ${findings.status} = 'open')::int`,
          replied: sql<number>`count(*) filter (where ${findings.status} = 'replied')::int`,
          closed: sql<number>`count(*) filter (where ${findings.status} = 'closed')::int`,
          overdue: sql<number>`count(*) filter (where ${findings.status} = 'open' and ${findings.deadline} < ${today})::int`,
        })
        .from(findings)
        .innerJoin(visits, eq(visits.id, findings.visitId))
        .where(where(f));
      return row;
    },

    /** Per unit concerned: how many were demanded, open, overdue, replied, closed. */
    summary: (db: Db, f: FindingFilters, today: string) =>
      db
        .select({
          unitId: findings.unitId,
          unitName: units.name,
          demanded: sql<number>`count(*)::int`,
          open: sql<number>`count(*) filter (where ${findings.status} = 'open')::int`,
          overdue: sql<number>`count(*) filter (where ${findings.status} = 'open' and ${findings.deadline} < ${today})::int`,
          replied: sql<number>`count(*) filter (where ${findings.status} = 'replied')::int`,
          closed: sql<number>`count(*) filter (where ${findings.status} = 'closed')::int`,
        })
        .from(findings)
        .innerJoin(visits, eq(visits.id, findings.visitId))
        .innerJoin(units, eq(units.id, findings.unitId))
        .where(where(f))
        .groupBy(findings.unitId, units.name, units.path)
        .orderBy(asc(units.path)),

    async insert(tx: Db, row: typeof findings.$inferInsert): Promise<SupervisionFindingRow> {
      const [created] = await tx.insert(findings).values(row).returning();
      return created;
    },

    /** Updates a finding at `version` while it has one of `from`; undefined when it changed in between. */
    async update(
      tx: Db,
      id: string,
      version: number,
      from: RectificationStatus[],
      patch: Partial<typeof findings.$inferInsert>,
    ): Promise<SupervisionFindingRow | undefined> {
      const [row] = await tx
        .update(findings)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(findings.id, id), eq(findings.version, version), inArray(findings.status, from)))
        .returning();
      return row;
    },

    async insertEvent(tx: Db, row: typeof rectificationEvents.$inferInsert) {
      const [created] = await tx.insert(rectificationEvents).values(row).returning();
      return created;
    },

    events: (db: Db, findingId: string) =>
      db
        .select()
        .from(rectificationEvents)
        .where(eq(rectificationEvents.findingId, findingId))
        .orderBy(asc(rectificationEvents.createdAt), asc(rectificationEvents.id)),

    attachments: (db: Db, findingId: string) =>
      db
        .select(attachmentMeta)
        .from(rectificationAttachments)
        .where(eq(rectificationAttachments.findingId, findingId))
        .orderBy(asc(rectificationAttachments.uploadedAt)),

    async findAttachment(db: Db, findingId: string, id: string) {
      const [row] = await db
        .select()
        .from(rectificationAttachments)
        .where(and(eq(rectificationAttachments.findingId, findingId), eq(rectificationAttachments.id, id)));
      return row;
    },

    async insertAttachment(tx: Db, row: typeof rectificationAttachments.$inferInsert) {
      const [created] = await tx.insert(rectificationAttachments).values(row).returning(attachmentMeta);
      return created;
    },

    /** Ties the files uploaded ahead of a reply to it; the ids it tied. */
    async attachToEvent(tx: Db, findingId: string, ids: string[], eventId: string): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await tx
        .update(rectificationAttachments)
        .set({ eventId })
        .where(
          and(
            eq(rectificationAttachments.findingId, findingId),
            inArray(rectificationAttachments.id, ids),
            isNull(rectificationAttachments.eventId),
          ),
        )
        .returning({ id: rectificationAttachments.id });
      return rows.map((r) => r.id);
    },

    async deleteAttachment(tx: Db, id: string) {
      await tx.delete(rectificationAttachments).where(eq(rectificationAttachments.id, id));
    },

    /** The people of a unit holding one of the roles (who is told of a demand, a return, a 销号). */
    async unitPeople(db: Db, unitId: string, roles: string[]): Promise<string[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(eq(users.unitId, unitId), eq(users.active, true), sql`${users.roles} && ${sql.param(roles)}::text[]`),
        );
      return rows.map((r) => r.id);
    },

    /** The leader and members of a group. */
    async groupPeople(db: Db, groupId: string): Promise<string[]> {
      const [g] = await db.select({ leaderId: groups.leaderId }).from(groups).where(eq(groups.id, groupId));
      const rows = await db.select({ userId: members.userId }).from(members).where(eq(members.groupId, groupId));
      return [...new Set([g?.leaderId, ...rows.map((r) => r.userId)].filter((x): x is string => Boolean(x)))];
    },

    /**
     * Open rectifications due by `last` (or past their deadline), each with the people of its unit
     * who answer it (RECTIFICATION_ANSWERING_ROLES): what the daily reminder tells.
     */
    openDueBy: (db: Db, last: string, roles: string[]) =>
      db
        .select({
          id: findings.id,
          unitId: findings.unitId,
          description: findings.description,
          deadline: findings.deadline,
          recipients: sql<
            string[]
          >`(select coalesce(array_agg(${users.id}), '{}') from ${users} where ${users.unitId} = ${findings.unitId} and ${users.active} and ${users.roles} && ${sql.param(roles)}::text[])`,
        })
        .from(findings)
        .where(and(eq(findings.status, 'open'), sql`${findings.deadline} <= ${last}`)),

    /** Whether the person leads or belongs to any group (whose findings he may see beyond his scope). */
    async isGroupPerson(db: Db, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: groups.id })
        .from(groups)
        .where(
          or(
            eq(groups.leaderId, userId),
            sql`${groups.id} in (select ${members.groupId} from ${members} where ${members.userId} = ${userId})`,
          ),
        )
        .limit(1);
      return Boolean(row);
    },
  };
}

export type RectificationsRepository = ReturnType<typeof createRectificationsRepository>;
