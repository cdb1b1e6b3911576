import type { DateCovers, KpiMeasure, KpiPeriod } from '../campaign-plan.types';
import type { StatTemplateCode } from '../../rollups/stat-template-codes';

/**
 * A campaign template: a real plan (seeds 000, 001, 003, 004) reproduced as data. Units appear by
 * the role names the document prints ("食品生产监督管理科", "执法大队", "各市场监管所"); when a bureau
 * creates a campaign from the template they are matched to its sections by name, and the office
 * assigns the rest. Dates are those of the document; a campaign made from the template moves them
 * to the year it is made for (keeping month and day).
 */
export interface CampaignTemplate {
  /** Stable key, used by POST /api/campaigns/from-template (e.g. 'tiequan-2021'). */
  key: string;
  /** Short name shown in the template list. */
  title: string;
  /** The document it reproduces (issuing organ, 文号, date), for the template list. */
  source: string;
  /** The year of the document's dates (the base of the year shift). */
  baseYear: number;
  plan: TemplatePlan;
}

export interface TemplatePlan {
  /** 方案名称, as printed. */
  name: string;
  /** 文号, e.g. 沪崇市监执〔2021〕22号; absent when the document has none. */
  docNumber?: string;
  /** 发文机关 as printed (e.g. 上海市崇明区市场监督管理局). */
  issuingOrgan: string;
  /** 成文日期 YYYY-MM-DD. */
  issueDate?: string;
  /** 主送机关 (e.g. 各科（室）、执法大队、基层市场监管所). */
  recipients?: string;
  /** 依据: the superior documents the plan implements, each as printed with its 文号. */
  basis: string[];
  /** 工作目标 / 指导思想, paragraphs as printed. */
  goals: string[];
  /** 行动时间: first and last day (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
  /** 行动步骤 / 时间安排. */
  phases: TemplatePhase[];
  /** 集中行动 windows (daily reporting inside them), if any. */
  concentratedWindows: TemplateWindow[];
  /**
   * The rows of the statistics table: the violation categories (违法类型) with the sub-label
   * (违法行为类型) where the form prints one. 其他违法 (code 'other') is always the last row.
   */
  categories: TemplateCategory[];
  /** 重点任务 (and 工作措施 where the document assigns them to units), in document order. */
  tasks: TemplateTask[];
  /** KPI targets printed in the document (e.g. 双随机抽查覆盖率 ≥ 5%). */
  kpis: TemplateKpi[];
  /** 领导小组. */
  leadership: TemplateLeader[];
  /** The unit hosting the 领导小组办公室, by its role name (e.g. 执法监督管理科). */
  officeRoleName?: string;
  /** Deadline for registering 分管领导 and 联络员 (YYYY-MM-DD), if printed. */
  liaisonDeadline?: string;
  /** 信息报送 schedules. */
  reportSchedules: TemplateReportSchedule[];
  /**
   * Other sections of the document body (工作措施, 工作要求, 相关工作要求 …) that are not tasks,
   * with their heading and paragraphs as printed, in document order. Used for the plan .docx.
   */
  sections: { heading: string; paragraphs: string[] }[];
  /** 附件 names as printed (e.g. 2021民生领域案件查办“铁拳”行动联络员表). */
  attachments: string[];
  /** 联系人 and phone, as printed, if any. */
  contact?: string;
}

export interface TemplatePhase {
  /** 动员部署 / 调查摸底 / 集中整治 / 组织实施 / 总结验收 / 总结提高 … as printed. */
  name: string;
  startDate: string;
  endDate: string;
  /** What the phase does, as printed. */
  description: string;
}

export interface TemplateWindow {
  name: string;
  startDate: string;
  endDate: string;
}

export interface TemplateCategory {
  /** Stable code within the template: short ASCII ('food', 'product_quality', … 'other'). */
  code: string;
  /** 违法类型, e.g. 食品安全违法. */
  label: string;
  /** 违法行为类型 sub-label printed under it, e.g. 电梯、液化石油气瓶. */
  subLabel?: string;
}

export interface TemplateTask {
  /** The group the task belongs to as printed: 重点任务, 工作措施, or the area heading (（一）集中开展农村市场专项治理). */
  area: string;
  /** The task's heading as printed (e.g. 食品安全违法案件查处任务). */
  title: string;
  /** The task's text as printed (without the trailing lead/cooperating note). */
  content: string;
  /** The category code the task's cases count toward ('other' when none fits). */
  categoryCode: string;
  /** 重点商品 named in the text. */
  focusProducts: string[];
  /** 重点场所 named in the text (批发市场, 农村集市 …). */
  focusPlaces: string[];
  /** 重点区域 named in the text (农村地区, 城乡结合部 …). */
  focusAreas: string[];
  /** 牵头 units by role name as printed (one or more). */
  leadRoles: string[];
  /** 配合 units by role name as printed (may be empty). */
  cooperatingRoles: string[];
}

export interface TemplateKpi {
  name: string;
  comparator: '>=' | '>' | '<=' | '<' | '=';
  target: number;
  /** '%', '件', '起' … */
  unit: string;
  /** How it is measured, as printed or as the bureau would compute it. */
  description: string;
  /** How RedShield measures it from the records (absent: text only). */
  measure?: KpiMeasure;
  /** Per year, per month or over the whole campaign (absent: the whole campaign). */
  period?: KpiPeriod;
}

export interface TemplateLeader {
  role: '组长' | '副组长' | '成员';
  name: string;
  /** 职务, as printed (e.g. 区市场监督管理局副局长); '' when the document gives none. */
  title: string;
}

/**
 * A schedule as the document prints it. `afterEnd`: the document asks for the monthly report that
 * falls due after the campaign has ended (none of the four seeds does). `covers`: the period a
 * fixed-date report covers, when the document says (第二季度, 全年); otherwise since the previous date.
 */
export type TemplateReportSchedule = (
  | { kind: 'monthly'; name: string; dayOfMonth: number; cumulative: boolean; afterEnd?: boolean; note?: string }
  | { kind: 'weekly'; name: string; weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; time: string; note?: string }
  | { kind: 'daily'; name: string; time: string; withinWindows: true; note?: string }
  | { kind: 'dates'; name: string; dates: string[]; covers?: DateCovers; note?: string }
) & {
  /** The statistics table the document's reports carry (统计表模板). */
  statTemplate: StatTemplateCode;
};
