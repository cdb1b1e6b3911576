/** 抽检类型: 监督抽检, 风险监测, 快速检测. */
export const SAMPLE_KINDS = ['supervision', 'risk_monitoring', 'rapid_test'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];
export const SAMPLE_KIND_LABELS: Record<SampleKind, string> = {
  supervision: '监督抽检',
  risk_monitoring: '风险监测',
  rapid_test: '快速检测',
};

/** 检验结论: 待检 (sent, no report yet), 合格, 不合格. */
export const SAMPLE_RESULTS = ['pending', 'pass', 'fail'] as const;
export type SampleResult = (typeof SAMPLE_RESULTS)[number];
export const SAMPLE_RESULT_LABELS: Record<SampleResult, string> = { pending: '待检', pass: '合格', fail: '不合格' };

/** 核查处置措施 (seed 003): 下架, 召回, 立案. */
export const FOLLOW_UP_MEASURES = ['off_shelf', 'recall', 'case'] as const;
export type FollowUpMeasure = (typeof FOLLOW_UP_MEASURES)[number];
export const FOLLOW_UP_MEASURE_LABELS: Record<FollowUpMeasure, string> = {
  off_shelf: '下架',
  recall: '召回',
  case: '立案',
};

/** 处置期限 by default: this many working days after the result. */
export const FOLLOW_UP_DEFAULT_WORKING_DAYS = 10;
