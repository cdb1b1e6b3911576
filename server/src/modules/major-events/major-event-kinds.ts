/**
 * What a unit reports at once, outside the schedule (seed 000: 重大情况、大案要案和疑难问题，要及时
 * 报告; seed 001: 遇有重大案件和情况，随时上报).
 */
export const MAJOR_EVENT_KINDS = ['major_situation', 'major_case', 'difficult_issue'] as const;
export type MajorEventKind = (typeof MAJOR_EVENT_KINDS)[number];
export const MAJOR_EVENT_KIND_LABELS: Record<MajorEventKind, string> = {
  major_situation: '重大情况',
  major_case: '大案要案',
  difficult_issue: '疑难问题',
};

/** 待阅示 (reported) → 已阅示 (acknowledged: the office has written its 批示/意见). */
export const MAJOR_EVENT_STATUSES = ['reported', 'acknowledged'] as const;
export type MajorEventStatus = (typeof MAJOR_EVENT_STATUSES)[number];
