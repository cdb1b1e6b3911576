import { and, desc, eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idsInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { caseCampaigns, cases } from '../cases/cases.schema';
import { users } from '../users/users.schema';
import type { MajorEventStatus } from './major-event-kinds';
import { majorEvents, type MajorEventInsert, type MajorEventRow } from './major-events.schema';

export interface MajorEventFilters {
  /** The actor's scope (records.listScope). */
  scope: SQL;
  /** The chosen unit's subtree. */
  unitPath?: string;
  campaignId: string;
  status?: MajorEventStatus;
}

function where(f: MajorEventFilters): SQL {
  const conds: SQL[] = [f.scope, eq(majorEvents.campaignId, f.campaignId)];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, majorEvents.unitId));
  if (f.status) conds.push(eq(majorEvents.status, f.status));
  return and(...conds)!;
}

const reporter = alias(users, 'major_event_reporter');
const acknowledger = alias(users, 'major_event_acknowledger');
/** A report with the names beside its ids: who reported, who acknowledged, the case it names. */
const withNames = {
  ...getTableColumns(majorEvents),
  reportedByName: reporter.displayName,
  acknowledgedByName: acknowledger.displayName,
  caseNumber: cases.caseNumber,
  caseName: cases.name,
};
export type MajorEventListRow = MajorEventRow & {
  reportedByName: string | null;
  acknowledgedByName: string | null;
  caseNumber: string | null;
  caseName: string | null;
};

function selectNamed(db: Db) {
  return db
    .select(withNames)
    .from(majorEvents)
    .leftJoin(reporter, eq(reporter.id, majorEvents.reportedBy))
    .leftJoin(acknowledger, eq(acknowledger.id, majorEvents.acknowledgedBy))
    .leftJoin(cases, eq(cases.id, majorEvents.caseId));
}

export function createMajorEventsRepository() {
  return {
    /** The reports of a campaign, pending first, newest first (a campaign has tens of them, not thousands). */
    list: (db: Db, f: MajorEventFilters): Promise<MajorEventListRow[]> =>
      selectNamed(db)
        .where(where(f))
        .orderBy(desc(sql`${majorEvents.status} = 'reported'`), desc(majorEvents.reportedAt))
        .limit(500),

    /** How many of the filtered reports await the office's acknowledgement (待阅示). */
    async pendingCount(db: Db, f: Omit<MajorEventFilters, 'status'>): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(majorEvents)
        .where(where({ ...f, status: 'reported' }));
      return row.n;
    },

    async findVisible(db: Db, id: string, scope: SQL): Promise<MajorEventListRow | undefined> {
      const [row] = await selectNamed(db).where(and(eq(majorEvents.id, id), scope));
      return row;
    },

    /**
     * Whether a case belongs to a campaign's tree (as its own campaign or one it also counts toward)
     * and was handled in a unit's subtree: the case a report may name.
     */
    async caseOfCampaignInSubtree(db: Db, caseId: string, campaignPath: string, unitPath: string): Promise<boolean> {
      const inCampaign = idsInTree(campaigns, campaignPath);
      const [row] = await db
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            eq(cases.id, caseId),
            unitIdInSubtree(unitPath, cases.unitId),
            or(
              sql`${cases.campaignId} in (${inCampaign})`,
              sql`${cases.id} in (select ${caseCampaigns.caseId} from ${caseCampaigns} where ${caseCampaigns.campaignId} in (${inCampaign}))`,
            ),
          ),
        );
      return Boolean(row);
    },

    async insert(tx: Db, row: MajorEventInsert): Promise<MajorEventRow> {
      const [created] = await tx.insert(majorEvents).values(row).returning();
      return created;
    },

    /** Updates a report still awaiting acknowledgement at `version`; undefined when it changed in between. */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<MajorEventInsert>,
    ): Promise<MajorEventRow | undefined> {
      const [row] = await tx
        .update(majorEvents)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(majorEvents.id, id), eq(majorEvents.version, version), eq(majorEvents.status, 'reported')))
        .returning();
      return row;
    },
  };
}

export type MajorEventsRepository = ReturnType<typeof createMajorEventsRepository>;
