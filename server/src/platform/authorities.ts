/**
 * Other authorities a bureau works with (行刑衔接, 线索移送, 联合执法, 联席会议): one list for transfers,
 * leads handed over and joint operations, so a figure or a filter means the same organ everywhere.
 * `judicial` marks the organs a 移送司法 goes to (the statistics' 移送司法案件 column).
 */
export const AUTHORITY_KINDS = [
  'police', // 公安机关
  'procuratorate', // 人民检察院
  'discipline', // 纪检监察机关
  'agriculture', // 农业农村部门
  'customs', // 海关
  'health', // 卫生健康部门
  'education', // 教育部门
  'commerce', // 商务部门
  'culture_tourism', // 文化和旅游部门
  'transport', // 交通运输部门
  'ecology', // 生态环境部门
  'tax', // 税务部门
  'market_regulation', // 其他市场监管部门（外省市）
  'other', // 其他部门
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const AUTHORITY_LABELS: Record<AuthorityKind, string> = {
  police: '公安机关',
  procuratorate: '人民检察院',
  discipline: '纪检监察机关',
  agriculture: '农业农村部门',
  customs: '海关',
  health: '卫生健康部门',
  education: '教育部门',
  commerce: '商务部门',
  culture_tourism: '文化和旅游部门',
  transport: '交通运输部门',
  ecology: '生态环境部门',
  tax: '税务部门',
  market_regulation: '市场监管部门',
  other: '其他部门',
};

/** Organs a case goes to for criminal justice (移送司法 / 行刑衔接). */
export const JUDICIAL_AUTHORITIES: readonly AuthorityKind[] = ['police', 'procuratorate'];

export const isJudicialAuthority = (kind: AuthorityKind) => JUDICIAL_AUTHORITIES.includes(kind);
