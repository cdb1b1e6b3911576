import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 省级数据汇聚 (issue 22), on the national installation only: the provinces whose roll-ups arrive
 * here by PostgreSQL logical replication (`npm run federation -- subscribe`). Each row is one
 * province's root unit (its own installation's top bureau, replicated into `units` below the
 * national root), the subscription that brings it, and the base URL of its installation, where a
 * drill-down below the province's root leads (the national database holds no records). Empty in a
 * province and in a plain installation: then nothing here changes anything.
 */
export const federationProvinces = pgTable('federation_provinces', {
  /** The province's root unit (省局), the same id in the province and here. */
  unitId: uuid('unit_id').primaryKey(),
  /** The national unit above it (the root of the national tree, stubbed in the province). */
  parentUnitId: uuid('parent_unit_id').notNull(),
  name: text('name').notNull(),
  /** The PostgreSQL subscription (CREATE SUBSCRIPTION …) that brings the province's rows. */
  subscription: text('subscription').notNull().unique(),
  /** The province installation's address, e.g. https://redshield.zj.example; drill-down links start there. */
  baseUrl: text('base_url').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type FederationProvinceRow = typeof federationProvinces.$inferSelect;
