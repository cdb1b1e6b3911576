import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/units.schema';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** 主体类型: 企业, 个体工商户, 农民专业合作社, 其他. */
export const ENTITY_KINDS = ['enterprise', 'individual', 'cooperative', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * The register of market entities (市场主体名录库, the 经济户口 of seed 002): each under the unit
 * (usually a 所) that supervises it. 双随机 draws from it, outings name the entities they checked,
 * samples, rectifications, seized goods and credit listings point at it. Kept current by
 * re-importing (upsert by credit code) and by outings registering the entities they meet.
 */
export const marketEntities = pgTable(
  'market_entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The supervising unit (辖区所). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** 统一社会信用代码 (GB 32100, check character verified), unique in the register. */
    creditCode: text('credit_code').notNull(),
    entityKind: text('entity_kind', { enum: ENTITY_KINDS }).notNull().default('enterprise'),
    /** 法定代表人 / 经营者 */
    operatorName: text('operator_name'),
    address: text('address'),
    /** 行业 (食品销售, 餐饮服务 …); the frequency rules match on it. */
    industry: text('industry'),
    /** 行政区划代码 (GB/T 2260) of the address. */
    divisionCode: text('division_code'),
    riskLevel: text('risk_level', { enum: RISK_LEVELS }).notNull().default('low'),
    /** 许可证 (e.g. 食品经营许可证 JY…). */
    licence: text('licence'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('market_entities_credit_code_uq').on(t.creditCode),
    index('market_entities_unit_idx').on(t.unitId),
    // The register's pages: by name, read along this index.
    index('market_entities_list_order_idx').on(t.name, t.id),
  ],
);

export type MarketEntityRow = typeof marketEntities.$inferSelect;

/** 检查频次的计算周期: 每星期 (Monday to Sunday), 每月, 每季度, in China time. */
export const FREQUENCY_PERIODS = ['week', 'month', 'quarter'] as const;
export type FrequencyPeriod = (typeof FREQUENCY_PERIODS)[number];

/**
 * 检查频次规则 (seed 002: 工商所每星期对辖区内的食品经营户的检查不得少于2次): the entities of the
 * setting unit's subtree matching the industry and/or the kind must be named by at least
 * `minCount` outings in each period. Kept by the unit's office; a rule stops counting when inactive.
 */
export const inspectionFrequencyRules = pgTable(
  'inspection_frequency_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit that sets the rule; it applies to the entities it supervises and below. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** 行业 the rule matches (exactly as the register writes it), or any. */
    industry: text('industry'),
    entityKind: text('entity_kind', { enum: ENTITY_KINDS }),
    minCount: integer('min_count').notNull(),
    period: text('period', { enum: FREQUENCY_PERIODS }).notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_frequency_rules_unit_idx').on(t.unitId)],
);

export type FrequencyRuleRow = typeof inspectionFrequencyRules.$inferSelect;
