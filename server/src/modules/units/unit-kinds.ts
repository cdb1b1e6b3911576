/** 机构类型: 局 bureau / 科室 section / 市场监管所 office / 执法大队 brigade */
export const UNIT_KINDS = ['bureau', 'section', 'office', 'brigade'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
