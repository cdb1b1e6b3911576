import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';

/** Where a penalty decision was published (公示渠道). */
export const PUBLICATION_CHANNELS = ['国家企业信用信息公示系统', '信用中国', '本局门户网站', '其他'] as const;

/**
 * 行政处罚信息公示: the record that a penalty decision was published (one per case). The ledger of
 * what is owed is derived from the cases (penalized, with a decision date); this row says when,
 * where and under which address or number it was published, and who recorded it.
 */
export const penaltyPublications = pgTable(
  'penalty_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The case's unit when recorded (the scope of the record). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    publishedDate: date('published_date', { mode: 'string' }).notNull(),
    channel: text('channel', { enum: PUBLICATION_CHANNELS }).notNull(),
    /** 网址或编号 */
    reference: text('reference'),
    /** Who recorded it (no foreign key: the system actor of the demo and of tests is no user row). */
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('penalty_publications_case_uq').on(t.caseId)],
);

/** 经营异常名录 or 严重违法失信名单. */
export const LISTING_KINDS = ['abnormal', 'serious'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** 《企业经营异常名录管理暂行办法》第四条: the four reasons an enterprise is listed. */
export const ABNORMAL_REASONS = ['annual_report', 'ordered_disclosure', 'false_disclosure', 'unreachable'] as const;
export type AbnormalReason = (typeof ABNORMAL_REASONS)[number];

export const REMOVAL_KINDS = ['信用修复', '期满移出', '其他'] as const;
export const LISTING_STATUSES = ['listed', 'removed'] as const;

/**
 * A listing in 经营异常名录 or 严重违法失信名单: the entity (name, 统一社会信用代码, perhaps the
 * 双随机 register's entry), the reason and its basis (a visible case for a 失信名单 entry), the
 * 决定书文号, the date and deciding unit, and — once removed — the removal's date, kind and basis.
 */
export const creditListings = pgTable(
  'credit_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listKind: text('list_kind', { enum: LISTING_KINDS }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: text('credit_code'),
    marketEntityId: uuid('market_entity_id').references(() => marketEntities.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** 经营异常名录: one of ABNORMAL_REASONS; 失信名单: null (the text is in reasonText). */
    abnormalReason: text('abnormal_reason', { enum: ABNORMAL_REASONS }),
    /** The facts (失信名单: the serious violation), free text. */
    reasonText: text('reason_text'),
    /** 列入依据: the article applied (失信名单: 《市场监督管理严重违法失信名单管理办法》第X条). */
    basis: text('basis'),
    /** 列入决定书文号 */
    decisionNumber: text('decision_number').notNull(),
    listedDate: date('listed_date', { mode: 'string' }).notNull(),
    /** The deciding unit. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status', { enum: LISTING_STATUSES }).notNull().default('listed'),
    removedDate: date('removed_date', { mode: 'string' }),
    removalKind: text('removal_kind', { enum: REMOVAL_KINDS }),
    removalBasis: text('removal_basis'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // A list's page: one kind, newest listing first, read along this index.
    index('credit_listings_kind_order_idx').on(t.listKind, t.listedDate, t.createdAt),
    index('credit_listings_unit_idx').on(t.unitId),
    // 经济户口: an entity's listings, by the register's entity or its credit code.
    index('credit_listings_entity_idx').on(t.marketEntityId),
    index('credit_listings_credit_code_idx').on(t.creditCode),
  ],
);

export type PenaltyPublicationRow = typeof penaltyPublications.$inferSelect;
export type CreditListingRow = typeof creditListings.$inferSelect;
