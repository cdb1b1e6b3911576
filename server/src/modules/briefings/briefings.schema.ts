import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import type { BriefingKind } from './briefing-text';

export const BRIEFING_STATUSES = ['draft', 'issued'] as const;
export type BriefingStatus = (typeof BRIEFING_STATUSES)[number];

/**
 * A stored 工作简报 (or 阶段/工作总结): the office's edited text of a campaign, kept as a draft until
 * it is issued (签发). Issuing gives it its number (第N期), one sequence per campaign, issuing unit
 * and kind, and makes it read-only; the units below the issuing unit that take part in the
 * campaign then see it.
 */
export const briefings = pgTable(
  'briefings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 印发单位: the unit whose office writes and issues it. */
    issuingUnitId: uuid('issuing_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<BriefingKind>().notNull(),
    title: text('title').notNull(),
    /** 成文日期 */
    date: date('date', { mode: 'string' }).notNull(),
    /** The period the figures and the units' reports were drawn from. */
    from: date('period_from', { mode: 'string' }).notNull(),
    to: date('period_to', { mode: 'string' }).notNull(),
    /** 正文, one paragraph each ("一、" and "（一）" open headings). */
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull(),
    status: text('status').$type<BriefingStatus>().notNull(),
    /** 期号: null until issued. */
    number: integer('number'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Two issues at once cannot take the same number (drafts have none: NULLs never collide).
    uniqueIndex('briefings_number_uq').on(t.campaignId, t.issuingUnitId, t.kind, t.number),
    index('briefings_campaign_idx').on(t.campaignId),
  ],
);

export type BriefingRow = typeof briefings.$inferSelect;
export type NewBriefing = typeof briefings.$inferInsert;
