import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { attachmentColumns } from '../../platform/attachments/attachment-columns';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/** 立案 → 调查取证 → 核审 → 告知/听证 → 决定 → 执行 → 结案 → 归档 */
export const CASE_STAGES = [
  'filed',
  'investigation',
  'review',
  'notice',
  'decided',
  'execution',
  'closed',
  'archived',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const PARTY_KINDS = ['company', 'person'] as const;
/** 涉案环节 */
export const CHAIN_STAGES = ['production', 'distribution'] as const;
/** 督办: by this bureau or by one above. */
export const SUPERVISION_LEVELS = ['self', 'superior'] as const;

/** 其他处理内容 of the typical-case form. */
export const OTHER_MEASURES = ['列入经营异常名录', '另案处理', '约谈', '其他'] as const;
export type OtherMeasure = (typeof OTHER_MEASURES)[number];

/** Money columns are exact amounts in fen (分). */
const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * The ledger's order (newest filing first) and then every column its conditions test (the page's
 * ids, the scope's unit, the campaign, stage, due date, 违法类型), save one an index already leads
 * with: the tail of the ledger's order indexes, so a page's walk and a count read the index alone.
 */
function ledgerOrderAndTested<C>(
  t: Record<
    'filingDate' | 'createdAt' | 'id' | 'unitId' | 'campaignId' | 'stage' | 'decisionDueDate' | 'categoryCode',
    C
  >,
  leading?: C,
): [C, ...C[]] {
  return [t.filingDate, t.createdAt, t.id, t.unitId, t.campaignId, t.stage, t.decisionDueDate, t.categoryCode].filter(
    (c) => c !== leading,
  ) as [C, ...C[]];
}

/**
 * A case (案件) of the key-case ledger (重点案件查办工作台账), with the fields of the typical-case form
 * (annex 3 of seed 004). It belongs to the handling unit (承办单位) and to one campaign, in one of the
 * campaign's violation categories.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 承办单位 */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /**
     * The handling unit's branch (所属下一级单位): the unit one level below the top of the tree whose
     * subtree holds it — the province in the nation's tree, the district in a city's; null for a
     * case of the top unit itself. Kept by the database (migration 0058's triggers, on every insert,
     * change of unit and move of a unit), never written by the application: a wide subtree's ledger,
     * and a district's that is a branch itself, is read along cases_branch_filing_idx (issue 22).
     */
    branchUnitId: uuid('branch_unit_id'),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 重点任务 the record serves (task-progress); a default from category and unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    /** 违法类型: a category code of the campaign. */
    categoryCode: text('category_code').notNull(),
    /** 案件编号, unique within the handling unit. */
    caseNumber: text('case_number').notNull(),
    /** 案件名称 */
    name: text('name').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    /** 涉案企业名称（人员姓名） */
    partyName: text('party_name').notNull(),
    /** 统一社会信用代码 (GB 32100), companies only. */
    partyCreditCode: text('party_credit_code'),
    /** 证照情况（许可信息） */
    licenceInfo: text('licence_info'),
    chainStage: text('chain_stage', { enum: CHAIN_STAGES }),
    /** 本省以外涉案省(区、市) */
    otherProvinces: text('other_provinces'),
    stage: text('stage', { enum: CASE_STAGES }).notNull().default('filed'),
    /** 立案时间 */
    filingDate: date('filing_date', { mode: 'string' }).notNull(),
    /** 作出处罚（决定）时间: stops the decision clock. */
    decisionDate: date('decision_date', { mode: 'string' }),
    /**
     * The decision clock's due date (filing + 90 days + extensions + stopped days), kept current by
     * every change to the clock so the overdue list is an index scan; null while stopped or decided.
     */
    decisionDueDate: date('decision_due_date', { mode: 'string' }),
    /** 结案时间 */
    closingDate: date('closing_date', { mode: 'string' }),
    /** 涉案金额 */
    amountInvolvedFen: fen('amount_involved_fen'),
    /** 罚款数额 */
    fineFen: fen('fine_fen'),
    /** 没收违法所得 */
    confiscatedFen: fen('confiscated_fen'),
    /** 挽回损失 */
    lossesRecoveredFen: fen('losses_recovered_fen'),
    /** 是否调解, 赔偿数额 */
    mediated: boolean('mediated').notNull().default(false),
    compensationFen: fen('compensation_fen'),
    /** 是否处罚, 处罚决定内容 */
    penalized: boolean('penalized').notNull().default(false),
    penaltyContent: text('penalty_content'),
    /** 其他处理内容: 列入经营异常名录 / 另案处理 / 约谈 / 其他 */
    otherMeasures: text('other_measures').array().notNull().default([]).$type<OtherMeasure[]>(),
    /** 移送司法 (the statistics column) and 案件移送公安机关, each with its date. */
    transferredToJudiciary: boolean('transferred_to_judiciary').notNull().default(false),
    judiciaryTransferDate: date('judiciary_transfer_date', { mode: 'string' }),
    transferredToPolice: boolean('transferred_to_police').notNull().default(false),
    policeTransferDate: date('police_transfer_date', { mode: 'string' }),
    /** 通报情况: the body notified (null: 未通报) and when. */
    notifiedTo: text('notified_to'),
    notificationDate: date('notification_date', { mode: 'string' }),
    /** 案情摘要 */
    summary: text('summary'),
    /** 是否已公开 */
    published: boolean('published').notNull().default(false),
    /** 联系人（电话） */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** 互联网案件, 农村市场案件 */
    online: boolean('online').notNull().default(false),
    rural: boolean('rural').notNull().default(false),
    /** 督办: by which level, by which unit, until when. */
    supervisionLevel: text('supervision_level', { enum: SUPERVISION_LEVELS }),
    supervisingUnitId: uuid('supervising_unit_id').references(() => units.id),
    supervisionDeadline: date('supervision_deadline', { mode: 'string' }),
    /** 典型案件 */
    typical: boolean('typical').notNull().default(false),
    /** The lead the case came from (诉转案 when it was a complaint). */
    originLeadId: uuid('origin_lead_id'),
    /** 四分离: who approved filing, who investigates, who reviewed, who executes — four different people. */
    filingApproverId: uuid('filing_approver_id').references(() => users.id),
    investigatorId: uuid('investigator_id').references(() => users.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    executorId: uuid('executor_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_task_idx').on(t.taskId),
    unique('cases_unit_number_uq').on(t.unitId, t.caseNumber),
    index('cases_campaign_filing_idx').on(t.campaignId, t.filingDate),
    // Its unit first, newest filed first; the trailing columns are the ones a list's page and the
    // 办案期限 lists test (campaign, stage, due date) and the ledger's commonest filter (违法类型), so a
    // small subtree's newest cases are read unit by unit from this index alone (newest-in-subtree.ts:
    // a district's ledger pages, the 大屏's ticker, the clocks panel).
    index('cases_unit_filing_idx').on(
      t.unitId,
      t.filingDate,
      t.createdAt,
      t.id,
      t.campaignId,
      t.stage,
      t.decisionDueDate,
      t.categoryCode,
    ),
    // A branch's cases (the province's, in the nation's tree), newest filed first, with the columns a
    // ledger page and its count test: a district that is a branch itself, and a subtree too wide to be
    // read unit by unit, read only their branch's entries, from this index alone
    // (newest-in-subtree.ts subtreeBranch).
    index('cases_branch_filing_idx').on(t.branchUnitId, ...ledgerOrderAndTested(t)),
    // 经济户口: an entity's cases, by its credit code.
    index('cases_party_credit_code_idx').on(t.partyCreditCode),
    // 行政处罚信息公示台账 (credit): the penalized decided cases by decision date, newest first.
    index('cases_penalty_decision_idx')
      .on(t.decisionDate, t.createdAt)
      .where(sql`${t.penalized} and ${t.decisionDate} is not null`),
    // 典型案例 closed in a period (the typical-cases quota and KPI): a few cases, found without reading the rest.
    index('cases_typical_closing_idx')
      .on(t.closingDate)
      .where(sql`${t.typical}`),
    // The ledger sorted by the decision clock (nearest due first): a page walks this index; it also
    // serves every test of the due date alone (overdue, 临期), so no index of the date alone is kept
    // beside it (a case import writes every index of the table).
    index('cases_due_order_idx').on(t.decisionDueDate, t.createdAt),
    // The ledger's order (newest filing first, read backwards): a page walks this index instead of
    // sorting every match. Its trailing columns are those every ledger condition tests (the page's
    // ids, the scope's unit, the campaign, stage, due date, 违法类型), so a page's walk and a count
    // read the index alone and only the page's own rows come from the table (issue 22: a count of
    // 10,000 matches read 5,000 table pages before, 150 after).
    index('cases_ledger_order_idx').on(...ledgerOrderAndTested(t)),
    // The ledger filtered by stage (办理阶段), in the same order and with the same columns: a stage
    // with few cases is found without reading the rest.
    index('cases_stage_order_idx').on(t.stage, ...ledgerOrderAndTested(t, t.stage)),
    // … and by violation type (违法类型), the other filter every ledger view uses.
    index('cases_category_order_idx').on(t.categoryCode, ...ledgerOrderAndTested(t, t.categoryCode)),
    // Search by any part of the party's or the case's name or number (Chinese included): trigram indexes.
    index('cases_party_name_trgm_idx').using('gin', sql`${t.partyName} gin_trgm_ops`),
    index('cases_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('cases_case_number_trgm_idx').using('gin', sql`${t.caseNumber} gin_trgm_ops`),
  ],
);

/** Each move between stages, with who and when. */
export const caseStageEvents = pgTable(
  'case_stage_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: CASE_STAGES }),
    toStage: text('to_stage', { enum: CASE_STAGES }).notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_stage_events_case_idx').on(t.caseId)],
);

export const CLOCK_EVENT_KINDS = ['approved_extension', 'collective_extension', 'pause'] as const;
export type ClockEventKind = (typeof CLOCK_EVENT_KINDS)[number];

/** Extensions of the decision clock and the periods it stood still (中止、听证、公告、检测). */
export const caseClockEvents = pgTable(
  'case_clock_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CLOCK_EVENT_KINDS }).notNull(),
    /** Extensions: the days added. */
    days: integer('days'),
    /** Pauses: the first stopped day and the day the clock ran again (null while stopped). */
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_clock_events_case_idx').on(t.caseId)],
);

/**
 * Further campaigns a case counts toward (a case may count toward several, DOMAIN.md "Cases"),
 * each in one of that campaign's categories. Its own campaign stays cases.campaignId.
 */
export const caseCampaigns = pgTable(
  'case_campaigns',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    categoryCode: text('category_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.campaignId] }), index('case_campaigns_campaign_idx').on(t.campaignId)],
);

/**
 * Files of a case (photos, PDFs, office documents), stored in the database itself so that a
 * backup of the database (or of the embedded data directory) holds them (attachment-columns.ts).
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    ...attachmentColumns(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;
export type CaseStageEventRow = typeof caseStageEvents.$inferSelect;
export type CaseClockEventRow = typeof caseClockEvents.$inferSelect;
export type CaseAttachmentRow = typeof caseAttachments.$inferSelect;
