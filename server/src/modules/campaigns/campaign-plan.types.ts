import { z } from 'zod';
import { isIsoDate } from '../calendar/working-days';

/** The parts of a plan, as zod schemas: they validate the API input and type the stored JSON. */
export const isoDate = z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD');
const text = (max: number, required = '不能为空') =>
  z.string().trim().min(1, required).max(max, `不能超过 ${max} 个字`);
const texts = (max: number) => z.array(z.string().trim().min(1, '不能为空').max(max)).max(200).default([]);

export const phaseSchema = z.object({
  name: text(50, '请填写阶段名称'),
  startDate: isoDate,
  endDate: isoDate,
  description: z.string().max(5000).default(''),
});

export const windowSchema = z.object({ name: text(50, '请填写集中行动名称'), startDate: isoDate, endDate: isoDate });

/**
 * How a KPI is measured from the records (kpis module, kpi-measures.ts): 双随机 coverage, 公示率,
 * seed 004's two monthly quotas, report timeliness, 整改 closure, a hand-entered figure, or none
 * (printed text only: every plan stored before KPIs were measured).
 */
export const KPI_MEASURES = [
  'random_check_coverage',
  'publication_rate',
  'typical_cases_closed',
  'important_leads',
  'report_on_time_rate',
  'rectification_closure_rate',
  'manual',
  'none',
] as const;
export type KpiMeasure = (typeof KPI_MEASURES)[number];
/** The period a KPI is judged over: each calendar year, each month, or the whole campaign. */
export const KPI_PERIODS = ['year', 'campaign', 'month'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

export const kpiSchema = z.object({
  name: text(100, '请填写指标名称'),
  comparator: z.enum(['>=', '>', '<=', '<', '='], '比较方式应为 >=、>、<=、< 或 ='),
  target: z.number('目标值应为数字'),
  unit: z.string().max(10).default(''),
  description: z.string().max(1000).default(''),
  measure: z
    .enum(
      KPI_MEASURES,
      '计量方式应为 random_check_coverage、publication_rate、typical_cases_closed、important_leads、report_on_time_rate、rectification_closure_rate、manual 或 none',
    )
    .default('none'),
  period: z.enum(KPI_PERIODS, '考核周期应为 year（每年）、campaign（整个行动）或 month（每月）').default('campaign'),
});

export const leadershipMemberSchema = z.object({
  role: z.enum(['组长', '副组长', '成员'], '职位应为 组长、副组长 或 成员'),
  name: z.string().trim().max(20).default(''),
  title: z.string().trim().max(100).default(''),
});

const weekday = z.number().int().min(1, '星期应为 1–7').max(7, '星期应为 1–7');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:mm');
const scheduleBase = {
  id: z.string().max(40).optional(),
  name: text(100, '请填写报送名称'),
  note: z.string().max(500).optional(),
  /** The statistics table its reports carry (统计表, stat-templates.ts); absent: annex 2 of seed 004. */
  statTemplate: z.string().max(40).optional(),
};

/**
 * The period a report due on a fixed date covers (see report-deadlines.ts): since the previous
 * date (the default, and what every plan stored before the rule existed means), the calendar
 * quarter before the due date (seed 004: 7月2日 报送第二季度), or 1 January to the day before the
 * due date (seed 004: 12月15日前报送全年汇总数据).
 */
export const DATE_COVERS = ['sincePrevious', 'quarter', 'yearToDate'] as const;
export type DateCovers = (typeof DATE_COVERS)[number];

/** 信息报送 schedules: monthly by day N, weekly on a weekday and time, daily inside windows, fixed dates. */
export const reportScheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      ...scheduleBase,
      kind: z.literal('monthly'),
      dayOfMonth: z.number().int().min(1).max(28, '每月报送日应在 1–28 日'),
      cumulative: z.boolean(),
      /** The plan asks for the last month's report although it falls due after the campaign has ended. */
      afterEnd: z.boolean('“行动结束后仍报送”应为是或否').optional(),
    }),
    z.object({ ...scheduleBase, kind: z.literal('weekly'), weekday, time: timeOfDay }),
    z.object({ ...scheduleBase, kind: z.literal('daily'), time: timeOfDay, withinWindows: z.literal(true) }),
    z.object({
      ...scheduleBase,
      kind: z.literal('dates'),
      dates: z.array(isoDate).min(1, '至少填写一个报送日期'),
      covers: z
        .enum(DATE_COVERS, '统计期间应为 sincePrevious（自上次报送日起）、quarter（上一季度）或 yearToDate（本年累计）')
        .optional(),
    }),
  ],
  '报送方式应为 monthly、weekly、daily 或 dates',
);

export const planSectionSchema = z.object({
  heading: text(100, '请填写标题'),
  paragraphs: z.array(z.string().max(10_000)).default([]),
});

export const categorySchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, '请填写类别代码')
    .max(40)
    .regex(/^[a-z0-9_]+$/, '类别代码只能包含小写字母、数字和 _'),
  label: text(40, '请填写违法类型'),
  subLabel: z.string().trim().max(100).nullish(),
});

export const taskSchema = z.object({
  /** Present for a task that already exists (keeps its identity and its links). */
  id: z.uuid().optional(),
  area: text(100, '请填写任务分组'),
  title: text(200, '请填写任务名称'),
  content: z.string().max(10_000).default(''),
  categoryCode: z.string().min(1, '请选择违法类型'),
  focusProducts: texts(50),
  focusPlaces: texts(50),
  focusAreas: texts(50),
  leadUnitIds: z.array(z.uuid()).default([]),
  cooperatingUnitIds: z.array(z.uuid()).default([]),
  pendingLeadRoles: texts(60),
  pendingCooperatingRoles: texts(60),
});

/** The whole plan, as the editor sends it (create and update). */
export const planSchema = z.object({
  name: text(200, '请填写方案名称'),
  docNumber: z.string().trim().max(60).nullish(),
  issuingOrgan: text(100, '请填写发文机关'),
  issueDate: isoDate.nullish(),
  recipients: z.string().trim().max(300).nullish(),
  basis: texts(500),
  goals: z.array(z.string().max(10_000)).default([]),
  startDate: isoDate,
  endDate: isoDate,
  phases: z.array(phaseSchema).max(20).default([]),
  concentratedWindows: z.array(windowSchema).max(50).default([]),
  categories: z.array(categorySchema).max(50).default([]),
  tasks: z.array(taskSchema).max(300).default([]),
  kpis: z.array(kpiSchema).max(50).default([]),
  leadership: z.array(leadershipMemberSchema).max(100).default([]),
  officeUnitId: z.uuid().nullish(),
  liaisonDeadline: isoDate.nullish(),
  /** 工作实施计划报送备案截止日期 (seed 003). */
  workPlanDeadline: isoDate.nullish(),
  /** 上一年度行动 (去年同类行动): an earlier plan of the same issuing unit. */
  predecessorCampaignId: z.uuid('上一年度行动编号格式不正确').nullish(),
  reportSchedules: z.array(reportScheduleSchema).max(50).default([]),
  sections: z.array(planSectionSchema).max(50).default([]),
  attachments: texts(200),
  contact: z.string().trim().max(200).nullish(),
  participantUnitIds: z.array(z.uuid()).max(5000).default([]),
});

export type Phase = z.infer<typeof phaseSchema>;
export type ConcentratedWindow = z.infer<typeof windowSchema>;
export type CampaignKpi = z.infer<typeof kpiSchema>;
export type LeadershipMember = z.infer<typeof leadershipMemberSchema>;
export type ReportSchedule = z.infer<typeof reportScheduleSchema> & { id: string };
export type PlanSection = z.infer<typeof planSectionSchema>;
export type PlanInput = z.infer<typeof planSchema>;
export type TaskInput = z.infer<typeof taskSchema>;

/** 其他违法: every campaign's statistics table ends with it. */
export const OTHER_CATEGORY = { code: 'other', label: '其他违法', subLabel: null } as const;
