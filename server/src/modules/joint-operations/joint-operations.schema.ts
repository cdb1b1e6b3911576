import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuthorityKind } from '../../platform/authorities';
import type { JointLead, JointOperationKind } from './joint-operation-kinds';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';

export {
  JOINT_OPERATION_KINDS,
  JOINT_OPERATION_KIND_LABELS,
  type JointLead,
  type JointOperationKind,
} from './joint-operation-kinds';

/**
 * 联合执法 and 联席会议 (seeds 002, 003, 004: 会同公安、卫生、盐政等部门开展联合执法行动N次; 联席会议机制):
 * a unit's joint action or meeting with other departments for a campaign — who, when, what, results —
 * counted in the campaign's summary. Actions carry their figures, meetings their attendees and 议定事项.
 */
export const jointOperations = pgTable(
  'joint_operations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit that organised or took part (its records are in its line's scope). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 重点任务 the operation serves (task-progress); a default from the unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    kind: text('kind').notNull().$type<JointOperationKind>(),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Last day of a several-day action; null for one day. */
    endDate: date('end_date', { mode: 'string' }),
    /** 会同部门: the kinds of organs, at least one (platform/authorities.ts). */
    departments: text('departments').array().notNull().$type<AuthorityKind[]>(),
    /** The organs by name (崇明公安分局、区卫健委 …). */
    departmentNames: text('department_names'),
    /** 牵头: 'self' (our bureau) or one of `departments`. */
    leadDepartment: text('lead_department').notNull().default('self').$type<JointLead>(),
    location: text('location'),
    /** What was done (an action) or discussed (a meeting). */
    content: text('content').notNull(),
    results: text('results'),
    /** An action's figures: 出动执法人员（人次）, 检查经营主体（户次）, 发现问题（个）, 立案（起）. */
    staffDeployed: integer('staff_deployed').notNull().default(0),
    entitiesInspected: integer('entities_inspected').notNull().default(0),
    problemsFound: integer('problems_found').notNull().default(0),
    casesFiled: integer('cases_filed').notNull().default(0),
    /** A meeting's 参会单位及人员 and 议定事项. */
    attendees: text('attendees'),
    decisions: text('decisions'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list's order (newest first): a page walks it instead of sorting every match.
    index('joint_operations_list_order_idx').on(t.startDate, t.createdAt),
    index('joint_operations_campaign_date_idx').on(t.campaignId, t.startDate),
    index('joint_operations_unit_date_idx').on(t.unitId, t.startDate),
    index('joint_operations_task_idx').on(t.taskId),
  ],
);

export type JointOperationRow = typeof jointOperations.$inferSelect;
export type JointOperationInsert = typeof jointOperations.$inferInsert;
