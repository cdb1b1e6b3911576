import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/units.schema';

import type { Role } from '../../platform/roles';

export { ROLES, type Role } from '../../platform/roles';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    /** 电子邮箱: where notifications are also sent when the installation has SMTP configured; optional. */
    email: text('email'),
    /** The unit the user acts for; null only for the system administrator, who sees every unit. */
    unitId: uuid('unit_id').references(() => units.id),
    roles: text('roles').array().notNull().$type<Role[]>(),
    isSystemAdmin: boolean('is_system_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), index('users_unit_idx').on(t.unitId)],
);

export type UserRow = typeof users.$inferSelect;
