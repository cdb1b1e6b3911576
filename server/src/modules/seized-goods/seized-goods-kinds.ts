/** 强制措施: 查封, 扣押, 先行登记保存, 没收 (goods confiscated on the spot by a decision). */
export const SEIZURE_MEASURES = ['sealed', 'detained', 'preserved', 'confiscated'] as const;
export type SeizureMeasure = (typeof SEIZURE_MEASURES)[number];
export const SEIZURE_MEASURE_LABELS: Record<SeizureMeasure, string> = {
  sealed: '查封',
  detained: '扣押',
  preserved: '先行登记保存',
  confiscated: '没收',
};
