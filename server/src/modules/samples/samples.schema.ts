import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { attachmentColumns, photoColumns } from '../../platform/attachments/attachment-columns';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { inspections } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import type { FollowUpMeasure, SampleKind, SampleResult } from './sample-kinds';

export {
  FOLLOW_UP_MEASURES,
  FOLLOW_UP_MEASURE_LABELS,
  SAMPLE_KINDS,
  SAMPLE_KIND_LABELS,
  SAMPLE_RESULTS,
  SAMPLE_RESULT_LABELS,
  type FollowUpMeasure,
  type SampleKind,
  type SampleResult,
} from './sample-kinds';

/**
 * 抽样检验 (seed 002: 有2个品种的月饼不合格,合格率为87.5%): one batch of a product sampled at a market
 * entity for a campaign and category, sent to a lab, and its result. The pass rates are counted from
 * these rows; a failed one opens its follow-up (sample_follow_ups).
 */
export const samples = pgTable(
  'samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The sampling unit (its records are in its line's scope). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 重点任务 the record serves (task-progress); a default from category and unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    categoryCode: text('category_code').notNull(),
    /** 被抽样单位: an entity of the register in the sampling unit's subtree. */
    entityId: uuid('entity_id')
      .notNull()
      .references(() => marketEntities.id),
    /** The outing the sample was taken on, if recorded there. */
    inspectionId: uuid('inspection_id').references(() => inspections.id, { onDelete: 'set null' }),
    /** 样品名称 (月饼, 散装白酒 …): the pass rates group by it. */
    product: text('product').notNull(),
    /** 商标 / 规格型号 */
    brandSpec: text('brand_spec'),
    /** 批号或生产日期 */
    batch: text('batch'),
    /** 抽样日期 */
    sampledDate: date('sampled_date', { mode: 'string' }).notNull(),
    /** 抽检类型: 监督抽检, 风险监测, 快速检测. */
    sampleKind: text('sample_kind').notNull().$type<SampleKind>().default('supervision'),
    /** 检验机构 */
    lab: text('lab'),
    /** 检验报告编号 */
    reportNumber: text('report_number'),
    /** 结果日期 (the report's date) */
    resultDate: date('result_date', { mode: 'string' }),
    result: text('result').notNull().$type<SampleResult>().default('pending'),
    /** 不合格项目 (required when the result is fail). */
    failedItems: text('failed_items'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list's order (newest first): a page walks it instead of sorting every match.
    index('samples_list_order_idx').on(t.sampledDate, t.createdAt),
    index('samples_campaign_date_idx').on(t.campaignId, t.sampledDate),
    index('samples_unit_date_idx').on(t.unitId, t.sampledDate),
    index('samples_entity_idx').on(t.entityId, t.sampledDate),
    index('samples_task_idx').on(t.taskId),
  ],
);

/**
 * 核查处置 of a failed sample (seed 003: 对抽检不合格的食品，督促食品生产经营者采取下架、召回等措施):
 * opened with the fail result, with the measures demanded and a deadline in working days, what was
 * done (下架 quantity, 召回 notice, the lead opened for 立案), and its closing.
 */
export const sampleFollowUps = pgTable(
  'sample_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id, { onDelete: 'cascade' }),
    measures: text('measures').array().notNull().$type<FollowUpMeasure[]>(),
    /** 处置要求 */
    demand: text('demand').notNull(),
    /** 处置期限 */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    /** 下架: exact quantity (up to 3 places) and its unit, the day. */
    offShelfQuantity: numeric('off_shelf_quantity', { precision: 16, scale: 3 }),
    offShelfUnit: text('off_shelf_unit'),
    offShelfDate: date('off_shelf_date', { mode: 'string' }),
    /** 召回: the notice (公告 / 通知) and its day. */
    recallNotice: text('recall_notice'),
    recallDate: date('recall_date', { mode: 'string' }),
    /** 立案: the lead opened (source 抽检监测). */
    leadId: uuid('lead_id'),
    /** 处置情况 written along the way. */
    progressNote: text('progress_note'),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closingNote: text('closing_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sample_follow_ups_sample_uq').on(t.sampleId),
    // Overdue follow-ups (the inbox, the list's flag): open ones by deadline.
    index('sample_follow_ups_status_deadline_idx').on(t.status, t.deadline),
  ],
);

/** Photos and files of a sample (抽样单, 检验报告, 现场照片 with their EXIF time and place). */
export const sampleAttachments = pgTable(
  'sample_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id, { onDelete: 'cascade' }),
    ...attachmentColumns(),
    ...photoColumns(),
  },
  (t) => [index('sample_attachments_sample_idx').on(t.sampleId)],
);

export type SampleRow = typeof samples.$inferSelect;
export type SampleInsert = typeof samples.$inferInsert;
export type SampleFollowUpRow = typeof sampleFollowUps.$inferSelect;
export type SampleFollowUpInsert = typeof sampleFollowUps.$inferInsert;
export type SampleAttachmentRow = typeof sampleAttachments.$inferSelect;
