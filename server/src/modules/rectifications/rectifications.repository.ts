import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { actorNamedIn, idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { inspections } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { randomDrawItems as drawItems, randomDraws } from '../random-checks/random-checks.schema';
import {
  rectificationAttachments,
  rectificationEvents,
  supervisionFindings as findings,
  supervisionGroups as groups,
  supervisionRounds as rounds,
  supervisionVisits as visits,
  type RectificationSource,
  type RectificationStatus,
  type SupervisionFindingRow,
} from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { createRectificationSourcesRepository } from './rectification-sources.repository';

/**
 * 发现问题 and their 整改: the findings of the supervision visits and the 责令整改 of outings and
 * 双随机 checks, read with their source (visit, group and round; outing; draw), the units and the
 * entity they concern, their history (reply, return, close) and the files of the replies.
 */

/** Which source a row has, as SQL (the CHECK keeps exactly one set). */
export const sourceOf = sql<RectificationSource>`(case when ${findings.visitId} is not null then 'supervision' when ${findings.inspectionId} is not null then 'inspection' else 'random_check' end)`;
/** The inspectors of an outing's or a draw's rectification (they record the entity's 整改 and see it). */
const sourceInspectors = sql<string[]>`coalesce(${inspections.inspectorIds}, ${drawItems.inspectorIds}, '{}'::uuid[])`;
/** An outing's or a draw's rectification whose source names the actor as inspector. */
export const fieldInspector = (actor: Actor): SQL => actorNamedIn(actor, sourceInspectors);

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
  /** 督查 or 执法检查 (an outing's or a 双随机 check's 责令整改). */
  source?: 'supervision' | 'field';
  inspectionId?: string;
  drawItemId?: string;
  entityId?: string;
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
  if (f.source === 'supervision') conds.push(sql`${findings.visitId} is not null`);
  if (f.source === 'field') conds.push(sql`${findings.visitId} is null`);
  if (f.inspectionId) conds.push(eq(findings.inspectionId, f.inspectionId));
  if (f.drawItemId) conds.push(eq(findings.drawItemId, f.drawItemId));
  if (f.entityId) conds.push(eq(findings.entityId, f.entityId));
  return and(...conds)!;
}

const visitedUnit = alias(units, 'rect_visited_unit');
const creator = alias(users, 'rect_creator');
const closer = alias(users, 'rect_closer');
/**
 * One column of the row a key names, as a scalar subquery rather than a join: a finding's page joins
 * only what its filters read (visits, outings, draw items, its unit), so PostgreSQL plans a handful of
 * relations instead of twelve — with the scope's semi-joins past the genetic optimiser's threshold,
 * planning took 50 ms for one row on the city benchmark.
 */
const lookup = <T>(column: AnyPgColumn, from: SQLWrapper, id: AnyPgColumn, key: SQLWrapper) =>
  sql<T | null>`(select ${column} from ${from} where ${id} = ${key})`;
/** A table under another name in a lookup's FROM (drizzle writes an alias's own name only). */
const named = (table: PgTable, alias: string) => sql`${table} ${sql.identifier(alias)}`;
const withNames = {
  ...getTableColumns(findings),
  unitName: units.name,
  unitPath: units.path,
  visitDate: visits.visitDate,
  visitUnitId: visits.unitId,
  visitUnitName: lookup<string>(visitedUnit.name, named(units, 'rect_visited_unit'), visitedUnit.id, visits.unitId),
  groupId: visits.groupId,
  groupName: lookup<string>(groups.name, groups, groups.id, visits.groupId),
  groupLeaderId: lookup<string>(groups.leaderId, groups, groups.id, visits.groupId),
  organizerUnitId: lookup<string>(groups.organizerUnitId, groups, groups.id, visits.groupId),
  roundId: visits.roundId,
  roundTitle: lookup<string>(rounds.title, rounds, rounds.id, visits.roundId),
  source: sourceOf,
  entityName: lookup<string>(marketEntities.name, marketEntities, marketEntities.id, findings.entityId),
  entityCreditCode: lookup<string>(marketEntities.creditCode, marketEntities, marketEntities.id, findings.entityId),
  /** The day of the source: the visit's, the outing's or the 双随机 check's (the order's day when unchecked). */
  sourceDate: sql<string>`coalesce(${visits.visitDate}, ${inspections.inspectionDate}, ${drawItems.checkDate}, ((${findings.createdAt} at time zone 'Asia/Shanghai')::date))::text`,
  inspectorIds: sql<string[]>`${sourceInspectors}::text[]`,
  drawId: drawItems.drawId,
  drawName: lookup<string>(randomDraws.name, randomDraws, randomDraws.id, drawItems.drawId),
  createdByName: lookup<string>(creator.displayName, named(users, 'rect_creator'), creator.id, findings.createdBy),
  closedByName: lookup<string>(closer.displayName, named(users, 'rect_closer'), closer.id, findings.closedBy),
  latestReply: sql<
    string | null
  >`(select ${rectificationEvents.text} from ${rectificationEvents} where ${rectificationEvents.findingId} = ${findings.id} and ${rectificationEvents.kind} = 'reply' order by ${rectificationEvents.createdAt} desc limit 1)`,
};
export type FindingListRow = SupervisionFindingRow & {
  unitName: string;
  unitPath: string;
  visitDate: string | null;
  visitUnitId: string | null;
  visitUnitName: string | null;
  groupId: string | null;
  groupName: string | null;
  groupLeaderId: string | null;
  organizerUnitId: string | null;
  roundId: string | null;
  roundTitle: string | null;
  source: RectificationSource;
  entityName: string | null;
  entityCreditCode: string | null;
  sourceDate: string;
  inspectorIds: string[];
  drawId: string | null;
  drawName: string | null;
  createdByName: string | null;
  closedByName: string | null;
  latestReply: string | null;
};

function selectNamed(db: Db) {
  return db
    .select(withNames)
    .from(findings)
    .leftJoin(visits, eq(visits.id, findings.visitId))
    .leftJoin(inspections, eq(inspections.id, findings.inspectionId))
    .leftJoin(drawItems, eq(drawItems.id, findings.drawItemId))
    .innerJoin(units, eq(units.id, findings.unitId));
}

/** The counts by status of the matching findings (the sources joined: `visible` reads them). */
const countColumns = (today: string) => ({
  open: sql<number>`count(*) filter (where ${findings.status} = 'open')::int`,
  overdue: sql<number>`count(*) filter (where ${findings.status} = 'open' and ${findings.deadline} < ${today})::int`,
  replied: sql<number>`count(*) filter (where ${findings.status} = 'replied')::int`,
  closed: sql<number>`count(*) filter (where ${findings.status} = 'closed')::int`,
});

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
  takenAt: rectificationAttachments.takenAt,
  takenLatitude: rectificationAttachments.takenLatitude,
  takenLongitude: rectificationAttachments.takenLongitude,
};

export function createRectificationsRepository() {
  return {
    ...createRectificationSourcesRepository(),
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

    find: async (db: Db, id: string, visible: SQL): Promise<FindingListRow | undefined> =>
      (await selectNamed(db).where(and(eq(findings.id, id), visible)))[0],

    /** An entity's rectifications the caller sees, newest first (its 经济户口). */
    ofEntity: (db: Db, entityId: string, visible: SQL, limit: number) =>
      selectNamed(db)
        .where(and(eq(findings.entityId, entityId), visible))
        .orderBy(desc(findings.createdAt), asc(findings.id))
        .limit(limit),

    list: (db: Db, f: FindingFilters, today: string, page: { limit: number; offset: number }) =>
      selectNamed(db)
        .where(where(f))
        .orderBy(...ledgerOrder(today))
        .limit(page.limit)
        .offset(page.offset),

    /** How many findings match each status, and how many of them are overdue on `today`. */
    async totals(db: Db, f: FindingFilters, today: string) {
      const [row] = await db
        .select({ all: sql<number>`count(*)::int`, ...countColumns(today) })
        .from(findings)
        .leftJoin(visits, eq(visits.id, findings.visitId))
        .leftJoin(inspections, eq(inspections.id, findings.inspectionId))
        .leftJoin(drawItems, eq(drawItems.id, findings.drawItemId))
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
          ...countColumns(today),
        })
        .from(findings)
        .leftJoin(visits, eq(visits.id, findings.visitId))
        .leftJoin(inspections, eq(inspections.id, findings.inspectionId))
        .leftJoin(drawItems, eq(drawItems.id, findings.drawItemId))
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
  };
}

export type RectificationsRepository = ReturnType<typeof createRectificationsRepository>;
