import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { unitIdInSubtree } from '../../platform/scope';
import { approvalRequests } from '../approvals/approvals.schema';
import { cases } from '../cases/cases.schema';
import { leads } from '../leads/leads.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  caseDisclosures,
  consumerWarnings,
  type CaseDisclosureInsert,
  type CaseDisclosureRow,
  type ConsumerWarningInsert,
  type ConsumerWarningRow,
  type DisclosureStatus,
  type WarningKind,
  type WarningStatus,
} from './disclosures.schema';

export interface DisclosureFilters {
  /** The actor's scope (records.listScope). */
  scope: SQL;
  unitPath?: string;
  caseId?: string;
  status?: DisclosureStatus;
}

/** The approval kind that publishes a disclosure (its request is 待审批). */
export const DISCLOSURE_PUBLISH_KIND = 'disclosure_publish';

export type DisclosureListRow = CaseDisclosureRow & {
  /** The open request to publish it, if any: the disclosure is 待审批. */
  pendingApprovalId: string | null;
  unitName: string;
  caseNumber: string;
  caseName: string;
  createdByName: string | null;
};

const disclosureNamed = {
  ...getTableColumns(caseDisclosures),
  pendingApprovalId: sql<string | null>`(select ${approvalRequests.id} from ${approvalRequests}
    where ${approvalRequests.recordId} = ${caseDisclosures.id} and ${approvalRequests.kind} = ${DISCLOSURE_PUBLISH_KIND}
    and ${approvalRequests.status} = 'pending' limit 1)`,
  unitName: units.name,
  caseNumber: cases.caseNumber,
  caseName: cases.name,
  createdByName: users.displayName,
};

const selectDisclosures = (db: Db) =>
  db
    .select(disclosureNamed)
    .from(caseDisclosures)
    .innerJoin(units, eq(units.id, caseDisclosures.unitId))
    .innerJoin(cases, eq(cases.id, caseDisclosures.caseId))
    .leftJoin(users, eq(users.id, caseDisclosures.createdBy));

/** What the public reads of a published disclosure: its own id and the public fields, nothing else. */
const publicDisclosure = {
  id: caseDisclosures.id,
  title: caseDisclosures.title,
  body: caseDisclosures.body,
  partyDisplayName: caseDisclosures.partyDisplayName,
  categoryLabel: caseDisclosures.categoryLabel,
  decisionDate: caseDisclosures.decisionDate,
  unitName: units.name,
  publishedAt: caseDisclosures.publishedAt,
};

const publicWarning = {
  id: consumerWarnings.id,
  kind: consumerWarnings.kind,
  title: consumerWarnings.title,
  body: consumerWarnings.body,
  issuedDate: consumerWarnings.issuedDate,
  unitName: units.name,
  publishedAt: consumerWarnings.publishedAt,
};

export interface WarningFilters {
  scope: SQL;
  unitPath?: string;
  kind?: WarningKind;
  status?: WarningStatus;
}

export type WarningListRow = ConsumerWarningRow & { unitName: string };

export function createDisclosuresRepository() {
  return {
    async insert(db: Db, row: CaseDisclosureInsert): Promise<CaseDisclosureRow> {
      const [created] = await db.insert(caseDisclosures).values(row).returning();
      return created;
    },

    /** Changes a disclosure at `version` (undefined when someone changed it first). */
    async update(db: Db, id: string, version: number, patch: Partial<CaseDisclosureInsert>) {
      const [row] = await db
        .update(caseDisclosures)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(caseDisclosures.id, id), eq(caseDisclosures.version, version)))
        .returning();
      return row as CaseDisclosureRow | undefined;
    },

    async findById(db: Db, id: string): Promise<CaseDisclosureRow | undefined> {
      const [row] = await db.select().from(caseDisclosures).where(eq(caseDisclosures.id, id));
      return row;
    },

    async findVisible(db: Db, id: string, scope: SQL): Promise<DisclosureListRow | undefined> {
      const [row] = await selectDisclosures(db).where(and(eq(caseDisclosures.id, id), scope));
      return row;
    },

    /** Disclosures in scope, newest first (a bureau publishes tens a year). */
    list(db: Db, f: DisclosureFilters): Promise<DisclosureListRow[]> {
      const conds: SQL[] = [f.scope];
      if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, caseDisclosures.unitId));
      if (f.caseId) conds.push(eq(caseDisclosures.caseId, f.caseId));
      if (f.status) conds.push(eq(caseDisclosures.status, f.status));
      return selectDisclosures(db)
        .where(and(...conds))
        .orderBy(desc(caseDisclosures.updatedAt))
        .limit(500);
    },

    /** Whether the case has a disclosure not withdrawn (one public text per case). */
    async openForCase(db: Db, caseId: string): Promise<CaseDisclosureRow | undefined> {
      const [row] = await db
        .select()
        .from(caseDisclosures)
        .where(and(eq(caseDisclosures.caseId, caseId), inArray(caseDisclosures.status, ['draft', 'published'])))
        .limit(1);
      return row;
    },

    /** What publishing depends on: the case is still typical and decided. */
    async caseFacts(db: Db, caseId: string) {
      const [c] = await db
        .select({ typical: cases.typical, decisionDate: cases.decisionDate })
        .from(cases)
        .where(eq(cases.id, caseId));
      return c;
    },

    /** Every person's name tied to a case: an individual party, the contact, the officials, the origin lead's complainant. */
    async personalNames(db: Db, caseId: string): Promise<string[]> {
      const [c] = await db.select().from(cases).where(eq(cases.id, caseId));
      if (!c) return [];
      const officials = [c.filingApproverId, c.investigatorId, c.reviewerId, c.executorId, c.createdBy].filter(
        (id): id is string => Boolean(id),
      );
      const people = officials.length
        ? await db.select({ name: users.displayName }).from(users).where(inArray(users.id, officials))
        : [];
      const complainants = c.originLeadId
        ? await db.select({ name: leads.complainantName }).from(leads).where(eq(leads.id, c.originLeadId))
        : [];
      return [
        ...(c.partyKind === 'person' ? [c.partyName] : []),
        c.contactName,
        ...people.map((p) => p.name),
        ...complainants.map((p) => p.name),
      ].filter((n): n is string => Boolean(n?.trim()));
    },

    /** The display names of users (any unit) that stand in one of the texts: an official is never named in public. */
    async userNamesIn(db: Db, texts: string[]): Promise<string[]> {
      const joined = texts.join('\n');
      const rows = await db
        .selectDistinct({ name: users.displayName })
        .from(users)
        .where(sql`char_length(${users.displayName}) >= 2 and strpos(${joined}, ${users.displayName}) > 0`);
      return rows.map((r) => r.name);
    },

    /** The public list: published disclosures, newest first. */
    publicList: (db: Db, page: { limit: number; offset: number }) =>
      db
        .select(publicDisclosure)
        .from(caseDisclosures)
        .innerJoin(units, eq(units.id, caseDisclosures.unitId))
        .where(eq(caseDisclosures.status, 'published'))
        .orderBy(desc(caseDisclosures.publishedAt), desc(caseDisclosures.id))
        .limit(page.limit)
        .offset(page.offset),

    async publicCount(db: Db): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(caseDisclosures)
        .where(eq(caseDisclosures.status, 'published'));
      return row.n;
    },

    async publicFind(db: Db, id: string) {
      const [row] = await db
        .select(publicDisclosure)
        .from(caseDisclosures)
        .innerJoin(units, eq(units.id, caseDisclosures.unitId))
        .where(and(eq(caseDisclosures.id, id), eq(caseDisclosures.status, 'published')));
      return row;
    },

    warnings: {
      async insert(db: Db, row: ConsumerWarningInsert): Promise<ConsumerWarningRow> {
        const [created] = await db.insert(consumerWarnings).values(row).returning();
        return created;
      },

      async update(db: Db, id: string, version: number, patch: Partial<ConsumerWarningInsert>) {
        const [row] = await db
          .update(consumerWarnings)
          .set({ ...patch, version: version + 1, updatedAt: new Date() })
          .where(and(eq(consumerWarnings.id, id), eq(consumerWarnings.version, version)))
          .returning();
        return row as ConsumerWarningRow | undefined;
      },

      async findVisible(db: Db, id: string, scope: SQL): Promise<WarningListRow | undefined> {
        const [row] = await db
          .select({ ...getTableColumns(consumerWarnings), unitName: units.name })
          .from(consumerWarnings)
          .innerJoin(units, eq(units.id, consumerWarnings.unitId))
          .where(and(eq(consumerWarnings.id, id), scope));
        return row;
      },

      list(db: Db, f: WarningFilters): Promise<WarningListRow[]> {
        const conds: SQL[] = [f.scope];
        if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, consumerWarnings.unitId));
        if (f.kind) conds.push(eq(consumerWarnings.kind, f.kind));
        if (f.status) conds.push(eq(consumerWarnings.status, f.status));
        return db
          .select({ ...getTableColumns(consumerWarnings), unitName: units.name })
          .from(consumerWarnings)
          .innerJoin(units, eq(units.id, consumerWarnings.unitId))
          .where(and(...conds))
          .orderBy(desc(consumerWarnings.updatedAt))
          .limit(500);
      },

      publicList: (db: Db, q: { kind?: WarningKind; limit: number; offset: number }) =>
        db
          .select(publicWarning)
          .from(consumerWarnings)
          .innerJoin(units, eq(units.id, consumerWarnings.unitId))
          .where(and(eq(consumerWarnings.status, 'published'), q.kind ? eq(consumerWarnings.kind, q.kind) : undefined))
          .orderBy(desc(consumerWarnings.publishedAt), desc(consumerWarnings.id))
          .limit(q.limit)
          .offset(q.offset),

      async publicCount(db: Db, kind?: WarningKind): Promise<number> {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(consumerWarnings)
          .where(and(eq(consumerWarnings.status, 'published'), kind ? eq(consumerWarnings.kind, kind) : undefined));
        return row.n;
      },
    },
  };
}

export type DisclosuresRepository = ReturnType<typeof createDisclosuresRepository>;
