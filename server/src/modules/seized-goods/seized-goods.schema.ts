import { date, index, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { attachmentColumns, photoColumns } from '../../platform/attachments/attachment-columns';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { inspections, inspectionSeizures } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import { SEIZURE_MEASURES } from './seized-goods-kinds';
import type { CustodyStatus, DisposalKind } from './seized-quantity';

export { CUSTODY_STATUSES, DISPOSAL_KINDS, type CustodyStatus, type DisposalKind } from './seized-quantity';
export { SEIZURE_MEASURE_LABELS, SEIZURE_MEASURES, type SeizureMeasure } from './seized-goods-kinds';

/**
 * 涉案财物 / 罚没物品 (seed 002: 查获私宰肉3478公斤 … 依法没收): goods a unit seized, held in custody
 * until they are returned, confiscated and destroyed, or handed over. The quantity is exact
 * (numeric, read as text); what has left custody and the status are recomputed from the disposals
 * in the transaction of each one, so the ledger filters on them along its index.
 */
export const seizedGoods = pgTable(
  'seized_goods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    categoryCode: text('category_code').notNull(),
    /** 物品名称 */
    goods: text('goods').notNull(),
    measure: text('measure', { enum: SEIZURE_MEASURES }).notNull(),
    /** Exact decimal: 3478 公斤, 247.15 吨, 0.001 公斤. */
    quantity: numeric('quantity', { precision: 16, scale: 3 }).notNull(),
    /** 计量单位: 公斤, 瓶, 件, 吨 … */
    quantityUnit: text('quantity_unit').notNull(),
    /** 规格、包装、外观 … */
    description: text('description'),
    /** 存放地点 */
    place: text('place').notNull(),
    /** 保管人: a user of the unit's line, and the name he had then. */
    custodianId: uuid('custodian_id').notNull(),
    custodianName: text('custodian_name').notNull(),
    seizedDate: date('seized_date', { mode: 'string' }).notNull(),
    /** The outing that seized them and, if recorded there, its 查扣物品 row. */
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    inspectionSeizureId: uuid('inspection_seizure_id').references(() => inspectionSeizures.id, {
      onDelete: 'set null',
    }),
    caseId: uuid('case_id').references(() => cases.id),
    /** 当事人 from the register of market entities, when it is there. */
    entityId: uuid('entity_id').references(() => marketEntities.id),
    /** 当事人 as written (a person, or an entity not in the register). */
    ownerName: text('owner_name'),
    note: text('note'),
    /** Returned, destroyed or handed over so far (the disposals' sum, kept with them). */
    disposedQuantity: numeric('disposed_quantity', { precision: 16, scale: 3 }).notNull().default('0'),
    confiscatedQuantity: numeric('confiscated_quantity', { precision: 16, scale: 3 }).notNull().default('0'),
    status: text('status').notNull().default('in_custody').$type<CustodyStatus>(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The ledger's order (newest first): a page walks it instead of sorting every match.
    index('seized_goods_list_order_idx').on(t.seizedDate, t.createdAt),
    index('seized_goods_unit_date_idx').on(t.unitId, t.seizedDate),
    index('seized_goods_campaign_idx').on(t.campaignId),
    index('seized_goods_inspection_idx').on(t.inspectionId),
    // An outing's 查扣物品 row is kept under one custody record (two registering it at once: 409).
    unique('seized_goods_inspection_seizure_uq').on(t.inspectionSeizureId),
    index('seized_goods_case_idx').on(t.caseId),
    index('seized_goods_entity_idx').on(t.entityId),
  ],
);

/** 处置: a part or all of the goods returned, confiscated, destroyed or handed over. */
export const seizedGoodsDisposals = pgTable(
  'seized_goods_disposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seizedGoodsId: uuid('seized_goods_id')
      .notNull()
      .references(() => seizedGoods.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().$type<DisposalKind>(),
    disposalDate: date('disposal_date', { mode: 'string' }).notNull(),
    quantity: numeric('quantity', { precision: 16, scale: 3 }).notNull(),
    /** 方式: 无害化处理, 焚烧, 拍卖 … */
    method: text('method'),
    /** 见证人 (at least two for 销毁). */
    witnesses: text('witnesses').array().notNull().default([]),
    /** Who received them (返还: the owner; 移交: the organ). */
    recipient: text('recipient'),
    /** 决定书文号 or other basis. */
    basis: text('basis'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('seized_goods_disposals_goods_idx').on(t.seizedGoodsId)],
);

/** Photos and files of seized goods (查扣现场, 封条) and of a disposal (销毁现场), with EXIF time and place. */
export const seizedGoodsAttachments = pgTable(
  'seized_goods_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seizedGoodsId: uuid('seized_goods_id')
      .notNull()
      .references(() => seizedGoods.id, { onDelete: 'cascade' }),
    disposalId: uuid('disposal_id').references(() => seizedGoodsDisposals.id, { onDelete: 'cascade' }),
    ...attachmentColumns(),
    ...photoColumns(),
  },
  (t) => [index('seized_goods_attachments_goods_idx').on(t.seizedGoodsId)],
);

export type SeizedGoodsRow = typeof seizedGoods.$inferSelect;
export type SeizedGoodsInsert = typeof seizedGoods.$inferInsert;
export type DisposalRow = typeof seizedGoodsDisposals.$inferSelect;
export type DisposalInsert = typeof seizedGoodsDisposals.$inferInsert;
export type SeizedGoodsAttachmentRow = typeof seizedGoodsAttachments.$inferSelect;
