import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * The organisation tree's table. It lives in the platform, below the modules, because the unit
 * scope (`platform/scope.ts`) is a query over it; the units module re-exports it
 * (`modules/units/units.schema.ts`) and owns everything else about units.
 */

/** 机构类型: 局 bureau / 科室 section / 市场监管所 office / 执法大队 brigade */
export const UNIT_KINDS = ['bureau', 'section', 'office', 'brigade'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The organisation tree (总局 → 省局 → 市局 → 区县局 → 科室/所/大队). */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    name: text('name').notNull(),
    /** Unit code (机构编码), unique across the system; used by imports to name a unit. */
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    /** 行政区划代码 (GB/T 2260), for bureaus. */
    divisionCode: varchar('division_code', { length: 6 }),
    /**
     * Materialised path of ids from the root, "/<root>/<child>/…/<self>/". The unit-scope check is a
     * prefix match on it: a user of unit U sees every unit whose path starts with U's path.
     */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    /**
     * 案件文号 pattern of the cases this unit files, e.g. "崇市监案〔{year}〕{seq}号" ({seq:3} pads to
     * three digits); null: the default derived from the unit's name (cases/case-number.ts).
     */
    caseNumberPattern: text('case_number_pattern'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('units_division_code_ck', sql`${t.divisionCode} ~ '^[0-9]{6}$'`),
  ],
);

export type UnitRow = typeof units.$inferSelect;
