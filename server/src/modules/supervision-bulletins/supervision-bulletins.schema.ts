import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { supervisionRounds } from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

export const BULLETIN_STATUSES = ['draft', 'issued'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

/**
 * 督查通报 (seed 001: 对督查情况，区局将以书面形式予以通报) of a 督查 round: a draft written from the
 * round's visits, findings and 整改, edited by the organiser's office, issued with its 发文字号
 * (崇市监督〔2026〕3号: one sequence per organiser and year) and then read-only.
 */
export const supervisionBulletins = pgTable(
  'supervision_bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => supervisionRounds.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** 主送 */
    recipients: text('recipients').notNull(),
    /** 发文字号的机关代字, e.g. 崇市监督. */
    docPrefix: text('doc_prefix').notNull(),
    /** 成文日期 */
    date: date('date', { mode: 'string' }).notNull(),
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull(),
    status: text('status', { enum: BULLETIN_STATUSES }).notNull(),
    year: integer('year'),
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
    uniqueIndex('supervision_bulletins_number_uq').on(t.organizerUnitId, t.year, t.number),
    index('supervision_bulletins_campaign_idx').on(t.campaignId),
    index('supervision_bulletins_round_idx').on(t.roundId),
  ],
);

export type SupervisionBulletinRow = typeof supervisionBulletins.$inferSelect;
export type NewSupervisionBulletin = typeof supervisionBulletins.$inferInsert;
