import { date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';

/** 检查场所: where the outing went (a unit's own 重点区域 are written in `focusArea`). */
export const PLACE_KINDS = [
  '农贸市场',
  '商场超市',
  '批发市场',
  '农村集市',
  '个体商户',
  '餐饮单位',
  '生产企业',
  '仓储物流',
  '网络经营',
  '校园周边',
  '其他',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * 检查方式 (seed 004: 日常检查、飞行（交叉）检查、抽查抽检、体系检查、专项整治): 日常, 飞行, 交叉,
 * 抽查抽检, 体系检查, 专项整治. Outings recorded before the types existed are 专项整治.
 */
export const INSPECTION_TYPES = ['routine', 'flying', 'cross', 'sampling', 'system', 'special'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

/**
 * An inspection outing (执法检查): one day's field work of a unit for a campaign and category,
 * with the figures the reports add up (出动人次, 车辆台次, 检查家次 …) and what was found.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 重点任务 the record serves (task-progress); a default from category and unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    categoryCode: text('category_code').notNull(),
    inspectionType: text('inspection_type', { enum: INSPECTION_TYPES }).notNull().default('special'),
    /** 检查日期 */
    inspectionDate: date('inspection_date', { mode: 'string' }).notNull(),
    /** 出动执法人员（人次） */
    staffDeployed: integer('staff_deployed').notNull(),
    /** 出动车辆（台次） */
    vehicles: integer('vehicles').notNull().default(0),
    /** 检查企业/经营户（家次） */
    entitiesInspected: integer('entities_inspected').notNull(),
    places: text('places').array().notNull().default([]).$type<PlaceKind[]>(),
    /** 重点区域 (城乡结合部、学校周边 …) */
    focusArea: text('focus_area'),
    /** 取缔无照经营（户） */
    unlicensedBanned: integer('unlicensed_banned').notNull().default(0),
    /** 快速检测: batches (批次), items (个品种), failed batches (不合格批次). */
    rapidTestBatches: integer('rapid_test_batches').notNull().default(0),
    rapidTestItems: integer('rapid_test_items').notNull().default(0),
    rapidTestFailed: integer('rapid_test_failed').notNull().default(0),
    /** 抽样检验 (抽检): batches, items, failed batches. */
    samplingBatches: integer('sampling_batches').notNull().default(0),
    samplingItems: integer('sampling_items').notNull().default(0),
    samplingFailed: integer('sampling_failed').notNull().default(0),
    /** 责令整改（份） */
    rectificationOrders: integer('rectification_orders').notNull().default(0),
    /** 检查发现 */
    findings: text('findings'),
    /** The inspectors (执法人员) who went. */
    inspectorIds: uuid('inspector_ids').array().notNull().default([]),
    /** The lead a finding opened, if any. */
    leadId: uuid('lead_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_task_idx').on(t.taskId),
    index('inspections_campaign_date_idx').on(t.campaignId, t.inspectionDate),
    index('inspections_unit_date_idx').on(t.unitId, t.inspectionDate),
    // The list's order (newest first): a page walks it instead of sorting every match.
    index('inspections_list_order_idx').on(t.inspectionDate, t.createdAt),
  ],
);

/** 查扣物品: goods seized on an outing, by kind, with an exact quantity and its unit (公斤, 吨, 瓶, 台, 件 …). */
export const inspectionSeizures = pgTable(
  'inspection_seizures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    goods: text('goods').notNull(),
    /** Exact decimal (up to 3 places): 247.15 吨, 125.8 公斤. */
    quantity: numeric('quantity', { precision: 16, scale: 3 }).notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [index('inspection_seizures_inspection_idx').on(t.inspectionId)],
);

/** 检查结果 for one entity on an outing. */
export const ENTITY_CHECK_RESULTS = ['no_problem', 'problem'] as const;
export type EntityCheckResult = (typeof ENTITY_CHECK_RESULTS)[number];

/** The market entities an outing checked (检查对象), each with what was found there. */
export const inspectionEntities = pgTable(
  'inspection_entities',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => marketEntities.id),
    result: text('result', { enum: ENTITY_CHECK_RESULTS }).notNull().default('no_problem'),
    /** 检查情况 at this entity (what was found, or 未发现问题). */
    finding: text('finding'),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.entityId] }),
    index('inspection_entities_entity_idx').on(t.entityId),
  ],
);

export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionInsert = typeof inspections.$inferInsert;
export type SeizureRow = typeof inspectionSeizures.$inferSelect;
export type InspectionEntityRow = typeof inspectionEntities.$inferSelect;
