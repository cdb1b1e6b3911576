import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { isPathWithin } from '../../platform/scope';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { checkPlan, normaliseCategories } from './campaign-plan.rules';
import type { PlanInput, ReportSchedule } from './campaign-plan.types';
import type { CampaignsRepository, TaskWithUnits } from './campaigns.repository';
import type { campaigns } from './campaigns.schema';

export const planInvalid = (errors: FieldError[]) =>
  new AppError(400, '方案内容有误', errors.map((e) => e.message).join('；'), errors);

/** Every unit id the plan names, with the field that names it. */
function unitReferences(plan: PlanInput): { path: string; unitId: string }[] {
  const refs = plan.participantUnitIds.map((unitId, i) => ({ path: `participantUnitIds.${i}`, unitId }));
  if (plan.officeUnitId) refs.push({ path: 'officeUnitId', unitId: plan.officeUnitId });
  plan.tasks.forEach((t, i) => {
    t.leadUnitIds.forEach((unitId, j) => refs.push({ path: `tasks.${i}.leadUnitIds.${j}`, unitId }));
    t.cooperatingUnitIds.forEach((unitId, j) => refs.push({ path: `tasks.${i}.cooperatingUnitIds.${j}`, unitId }));
  });
  return refs;
}

/** The stored columns of a plan (everything but categories, tasks and participants). */
export function planColumns(plan: PlanInput): Omit<typeof campaigns.$inferInsert, 'unitId' | 'path'> {
  return {
    name: plan.name,
    docNumber: plan.docNumber ?? null,
    issuingOrgan: plan.issuingOrgan,
    issueDate: plan.issueDate ?? null,
    recipients: plan.recipients ?? null,
    basis: plan.basis,
    goals: plan.goals,
    startDate: plan.startDate,
    endDate: plan.endDate,
    phases: plan.phases,
    concentratedWindows: plan.concentratedWindows,
    kpis: plan.kpis,
    leadership: plan.leadership,
    officeUnitId: plan.officeUnitId ?? null,
    liaisonDeadline: plan.liaisonDeadline ?? null,
    workPlanDeadline: plan.workPlanDeadline ?? null,
    predecessorCampaignId: plan.predecessorCampaignId ?? null,
    reportSchedules: plan.reportSchedules.map((s): ReportSchedule => ({ ...s, id: s.id ?? randomUUID() })),
    sections: plan.sections,
    attachments: plan.attachments,
    contact: plan.contact ?? null,
  };
}

/**
 * A plan edit keeps each report schedule's identity (the submitted reports hang on its id): a
 * schedule sent without an id takes the id of the stored schedule of the same name and kind that
 * no other schedule of the edit claims. A schedule that is really new gets a new id when stored.
 */
export function keepScheduleIds<S extends { id?: string; name: string; kind: string }>(
  stored: ReportSchedule[],
  edited: S[],
): S[] {
  const claimed = new Set(edited.map((s) => s.id).filter(Boolean));
  return edited.map((s) => {
    if (s.id) return s;
    const match = stored.find((x) => !claimed.has(x.id) && x.name === s.name && x.kind === s.kind);
    if (!match) return s;
    claimed.add(match.id);
    return { ...s, id: match.id };
  });
}

export function createPlanWriter(deps: { campaignsRepository: CampaignsRepository; unitsRepository: UnitsRepository }) {
  const { campaignsRepository: repo, unitsRepository } = deps;

  return {
    /**
     * Checks the plan (rules, and every unit inside the issuing unit's subtree) and throws one 400
     * naming every bad field. Nothing is written before this passes.
     */
    async check(
      db: Db,
      plan: PlanInput,
      issuingUnit: UnitRow,
      inherited?: { categoryCodes: string[]; tasks: TaskWithUnits[] },
    ) {
      const errors = checkPlan({ ...plan, categories: normaliseCategories(plan.categories) });
      const refs = unitReferences(plan);
      const found = new Map(
        (await unitsRepository.findByIds(db, [...new Set(refs.map((r) => r.unitId))])).map((u) => [u.id, u]),
      );
      for (const r of refs) {
        const unit = found.get(r.unitId);
        if (!unit || !isPathWithin(unit.path, issuingUnit.path))
          errors.push({ path: r.path, message: `所选单位不在发文单位“${issuingUnit.name}”的管辖范围内` });
        else if (!unit.active) errors.push({ path: r.path, message: `单位“${unit.name}”已停用` });
      }
      if (inherited) {
        const codes = plan.categories.map((c) => c.code);
        const missing = inherited.categoryCodes.filter((c) => !codes.includes(c));
        const added = codes.filter((c) => !inherited.categoryCodes.includes(c));
        if (missing.length || added.length)
          errors.push({ path: 'categories', message: '实施方案沿用上级行动的违法类型，不能增减' });
        for (const t of inherited.tasks.filter((x) => x.inheritedFromTaskId)) {
          const i = plan.tasks.findIndex((x) => x.id === t.id);
          if (i < 0)
            errors.push({ path: 'tasks', message: `不能删除上级行动部署的任务“${t.title}”（可以增加自选动作）` });
          else if (
            plan.tasks[i].title !== t.title ||
            plan.tasks[i].categoryCode !== t.categoryCode ||
            plan.tasks[i].content !== t.content
          ) {
            errors.push({
              path: `tasks.${i}.title`,
              message: `上级行动部署的任务“${t.title}”的名称、内容和违法类型不能修改，只能指定本单位的牵头和配合单位`,
            });
          }
        }
      }
      if (errors.length) throw planInvalid(errors);
    },

    /** Writes categories, tasks and participants of a checked plan. */
    async writeChildren(
      tx: Db,
      campaignId: string,
      plan: PlanInput,
      opts: { inheritedCategoryCodes?: string[]; existingTasks?: TaskWithUnits[] } = {},
    ) {
      const categories = normaliseCategories(plan.categories);
      await repo.replaceCategories(
        tx,
        campaignId,
        categories.map((c, seq) => ({
          code: c.code,
          label: c.label,
          subLabel: c.subLabel ?? null,
          seq,
          inherited: opts.inheritedCategoryCodes?.includes(c.code) ?? false,
        })),
      );
      const existing = new Map((opts.existingTasks ?? []).map((t) => [t.id, t]));
      await repo.replaceTasks(
        tx,
        campaignId,
        plan.tasks.map((t, seq) => {
          const prior = t.id ? existing.get(t.id) : undefined;
          return {
            id: prior?.id ?? randomUUID(),
            seq,
            area: t.area,
            title: t.title,
            content: t.content,
            categoryCode: t.categoryCode,
            focusProducts: t.focusProducts,
            focusPlaces: t.focusPlaces,
            focusAreas: t.focusAreas,
            pendingLeadRoles: t.pendingLeadRoles,
            pendingCooperatingRoles: t.pendingCooperatingRoles,
            inheritedFromTaskId: prior?.inheritedFromTaskId ?? null,
            units: [
              ...t.leadUnitIds.map((unitId) => ({ unitId, role: 'lead' as const })),
              ...t.cooperatingUnitIds.map((unitId) => ({ unitId, role: 'cooperating' as const })),
            ],
          };
        }),
      );
      await repo.replaceParticipants(tx, campaignId, [...new Set(plan.participantUnitIds)]);
    },
  };
}

export type PlanWriter = ReturnType<typeof createPlanWriter>;
