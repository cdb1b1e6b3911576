/** The 督办件's enumerations (routes and schema share them). */

/** requested 待立项（报请督办）, declined 不予督办, active 督办中, closed 已办结. */
export const SUPERVISION_STATUSES = ['requested', 'declined', 'active', 'closed'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
/** requested 报请督办 (the case's side asked), initiated 主动督办 (the unit above took it up itself). */
export const SUPERVISION_ORIGINS = ['requested', 'initiated'] as const;
/** 进展报送周期: every N working days or every N calendar days. */
export const PROGRESS_INTERVAL_KINDS = ['working_days', 'days'] as const;
export type ProgressIntervalKind = (typeof PROGRESS_INTERVAL_KINDS)[number];
/** progress 进展报告 (the case's unit), instruction 批示 (the supervising unit). */
export const SUPERVISION_ENTRY_KINDS = ['progress', 'instruction'] as const;
