import type { FieldError } from '../../platform/errors';
import type { PlanInput } from './campaign-plan.types';
import { OTHER_CATEGORY } from './campaign-plan.types';
import { datesPeriods } from './report-deadlines';
import { todayInChina } from '../../platform/today';
import { isStatTemplateCode, STAT_TEMPLATE_CODES } from '../rollups/stat-template-codes';
import type { CampaignRow } from './campaigns.schema';

/** Adds 其他违法 when missing and keeps it last. */
export function normaliseCategories(categories: PlanInput['categories']): PlanInput['categories'] {
  const rest = categories.filter((c) => c.code !== OTHER_CATEGORY.code);
  const other = categories.find((c) => c.code === OTHER_CATEGORY.code) ?? OTHER_CATEGORY;
  return [...rest, { ...other, label: other.label || OTHER_CATEGORY.label }];
}

const n = (i: number) => `第 ${i + 1} 个`;

/**
 * The rules of a plan that need no database: dates inside the window, windows that do not
 * overlap, categories that exist, a lead for every task. Each error names its field.
 */
export function checkPlan(plan: PlanInput): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const inWindow = (d: string) => d >= plan.startDate && d <= plan.endDate;

  if (plan.endDate < plan.startDate) err('endDate', '结束日期不能早于开始日期');

  plan.phases.forEach((p, i) => {
    if (p.endDate < p.startDate) err(`phases.${i}.endDate`, `${n(i)}阶段“${p.name}”的结束日期早于开始日期`);
    if (!inWindow(p.startDate))
      err(
        `phases.${i}.startDate`,
        `${n(i)}阶段“${p.name}”的开始日期不在行动时间（${plan.startDate} 至 ${plan.endDate}）内`,
      );
    if (!inWindow(p.endDate))
      err(
        `phases.${i}.endDate`,
        `${n(i)}阶段“${p.name}”的结束日期不在行动时间（${plan.startDate} 至 ${plan.endDate}）内`,
      );
  });

  plan.concentratedWindows.forEach((w, i) => {
    if (w.endDate < w.startDate) err(`concentratedWindows.${i}.endDate`, `${n(i)}集中行动的结束日期早于开始日期`);
    if (!inWindow(w.startDate) || !inWindow(w.endDate))
      err(`concentratedWindows.${i}.startDate`, `${n(i)}集中行动“${w.name}”不在行动时间内`);
    plan.concentratedWindows.slice(0, i).forEach((o, j) => {
      if (w.startDate <= o.endDate && o.startDate <= w.endDate) {
        err(`concentratedWindows.${i}.startDate`, `${n(i)}集中行动“${w.name}”与${n(j)}“${o.name}”时间重叠`);
      }
    });
  });

  const codes = new Set<string>();
  plan.categories.forEach((c, i) => {
    if (codes.has(c.code)) err(`categories.${i}.code`, `类别代码“${c.code}”重复`);
    codes.add(c.code);
  });

  plan.tasks.forEach((t, i) => {
    if (!codes.has(t.categoryCode))
      err(`tasks.${i}.categoryCode`, `${n(i)}任务“${t.title}”的违法类型“${t.categoryCode}”不在本行动的违法类型中`);
    if (t.leadUnitIds.length === 0 && t.pendingLeadRoles.length === 0)
      err(`tasks.${i}.leadUnitIds`, `${n(i)}任务“${t.title}”没有牵头单位`);
    const both = t.leadUnitIds.filter((u) => t.cooperatingUnitIds.includes(u));
    if (both.length) err(`tasks.${i}.cooperatingUnitIds`, `${n(i)}任务“${t.title}”中同一单位不能既牵头又配合`);
  });

  if (plan.liaisonDeadline && plan.liaisonDeadline > plan.endDate)
    err('liaisonDeadline', '联络员报送截止日期不能晚于行动结束日期');
  if (plan.workPlanDeadline && plan.workPlanDeadline > plan.endDate)
    err('workPlanDeadline', '工作实施计划报送截止日期不能晚于行动结束日期');
  plan.reportSchedules.forEach((s, i) => {
    if (s.statTemplate !== undefined && !isStatTemplateCode(s.statTemplate))
      err(
        `reportSchedules.${i}.statTemplate`,
        `${n(i)}报送事项“${s.name}”的统计表“${s.statTemplate}”不存在，可选：${STAT_TEMPLATE_CODES.join('、')}`,
      );
    if (s.kind !== 'dates') return;
    s.dates.forEach((d, j) => {
      if (d < plan.startDate) err(`reportSchedules.${i}.dates.${j}`, `报送日期 ${d} 早于行动开始日期`);
      if (s.dates.indexOf(d) !== j) err(`reportSchedules.${i}.dates.${j}`, `报送日期 ${d} 重复`);
    });
    if (plan.endDate < plan.startDate) return;
    // Each date must give a period of its own inside the campaign, or its report would silently not be owed.
    const firstDue = new Map<string, string>();
    for (const p of datesPeriods({ dates: [...new Set(s.dates)], covers: s.covers }, plan)) {
      const at = `reportSchedules.${i}.dates.${s.dates.indexOf(p.dueDate)}`;
      if (p.periodStart > plan.endDate)
        err(at, `报送日期 ${p.dueDate} 的统计期间在行动结束（${plan.endDate}）之后，不需报送`);
      else if (firstDue.has(p.periodEnd))
        err(
          at,
          `报送日期 ${p.dueDate} 与 ${firstDue.get(p.periodEnd)} 统计同一期间（${p.periodStart} 至 ${p.periodEnd}），每期只报送一次`,
        );
      else firstDue.set(p.periodEnd, p.dueDate);
    }
  });
  return errors;
}

/**
 * 已结束: a published plan past its end date. Derived, not stored: it stays active (its records
 * and reports remain), but it owes no report for a period after its end (report-deadlines.ts).
 */
export const hasEnded = (c: Pick<CampaignRow, 'status' | 'endDate'>, today = todayInChina()) =>
  c.status === 'active' && c.endDate < today;
