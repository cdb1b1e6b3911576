/** 典型案例评选: a unit's 推荐 awaits the plan's office, which selects it (入选) or not (未入选). */
export const NOMINATION_STATUSES = ['nominated', 'selected', 'not_selected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** 表彰 (seed 000: 先进集体和先进个人; seed 004: 办案能手 → 执法人才库). */
export const COMMENDATION_KINDS = ['advanced_collective', 'advanced_individual', 'case_expert'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];
export const COMMENDATION_KIND_LABELS: Record<CommendationKind, string> = {
  advanced_collective: '先进集体',
  advanced_individual: '先进个人',
  case_expert: '办案能手',
};

/** 问责 (seed 000: 对工作不力……的，实行问责). */
export const ACCOUNTABILITY_MEASURES = [
  'circulated_criticism',
  'interview',
  'written_review',
  'admonition',
  'other',
] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];
export const ACCOUNTABILITY_MEASURE_LABELS: Record<AccountabilityMeasure, string> = {
  circulated_criticism: '通报批评',
  interview: '约谈',
  written_review: '责令书面检查',
  admonition: '诫勉谈话',
  other: '其他',
};

/** The records an entry may cite as its evidence (佐证), each opened at its own page. */
export const EVIDENCE_TYPES = ['case', 'report', 'rectification', 'major_event', 'case_supervision'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export interface EvidenceLink {
  type: EvidenceType;
  id: string;
}
export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  case: '案件',
  report: '信息报送',
  rectification: '整改',
  major_event: '重大情况报告',
  case_supervision: '督办',
};
