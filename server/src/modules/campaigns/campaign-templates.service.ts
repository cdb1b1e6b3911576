import { todayInChina } from '../../platform/today';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { invalidField, notFound } from '../../platform/errors';
import type { UnitsRepository } from '../units/units.repository';
import type { PlanInput } from './campaign-plan.types';
import type { CampaignsService } from './campaigns.service';
import { matchRoles } from './role-matching';
import { CAMPAIGN_TEMPLATES, findTemplate } from './templates';
import type { CampaignTemplate } from './templates/template.types';

/** Moves a YYYY-MM-DD date by whole years (29 February becomes 28 February in a common year). */
export function shiftYears(date: string, years: number): string {
  if (years === 0) return date;
  const [y, m, d] = date.split('-').map(Number);
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Replaces the document's years in a title or 文号 with the years of the new campaign. */
function shiftYearsInText(s: string, base: number, years: number): string {
  if (years === 0) return s;
  return s.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) => (+y >= base - 1 && +y <= base + 5 ? String(+y + years) : y));
}

/**
 * Turns a template into a plan for a bureau: its sections matched to the template's role names,
 * every unit of its subtree taking part, the dates moved to the year asked for.
 */
export function templateToPlan(t: CampaignTemplate, subtree: Parameters<typeof matchRoles>[1], unitName: string, year: number): PlanInput {
  const p = t.plan;
  const dy = year - t.baseYear;
  const sd = (d: string) => shiftYears(d, dy);
  const office = p.officeRoleName ? matchRoles([p.officeRoleName], subtree).unitIds[0] : undefined;
  // Another bureau taking up the plan issues it under its own name: the template's 文号, contact
  // and named leadership belong to the bureau that wrote it, so they are left for the office to fill.
  const own = unitName === p.issuingOrgan;
  const name = shiftYearsInText(p.name, t.baseYear, dy);
  return {
    name: own || !name.includes(p.issuingOrgan) ? name : name.replace(p.issuingOrgan, unitName),
    docNumber: own && p.docNumber ? shiftYearsInText(p.docNumber, t.baseYear, dy) : null,
    issuingOrgan: unitName,
    issueDate: p.issueDate ? sd(p.issueDate) : null,
    recipients: p.recipients ?? null,
    basis: p.basis,
    goals: p.goals,
    startDate: sd(p.startDate),
    endDate: sd(p.endDate),
    phases: p.phases.map((x) => ({ ...x, startDate: sd(x.startDate), endDate: sd(x.endDate) })),
    concentratedWindows: p.concentratedWindows.map((x) => ({ ...x, startDate: sd(x.startDate), endDate: sd(x.endDate) })),
    categories: p.categories.map((c) => ({ code: c.code, label: c.label, subLabel: c.subLabel ?? null })),
    tasks: p.tasks.map((task) => {
      const lead = matchRoles(task.leadRoles, subtree);
      const coop = matchRoles(task.cooperatingRoles, subtree);
      return {
        area: task.area,
        title: task.title,
        content: task.content,
        categoryCode: task.categoryCode,
        focusProducts: task.focusProducts,
        focusPlaces: task.focusPlaces,
        focusAreas: task.focusAreas,
        leadUnitIds: lead.unitIds,
        cooperatingUnitIds: coop.unitIds.filter((u) => !lead.unitIds.includes(u)),
        pendingLeadRoles: lead.pending,
        pendingCooperatingRoles: coop.pending,
      };
    }),
    kpis: p.kpis,
    leadership: own ? p.leadership : [],
    officeUnitId: office ?? null,
    liaisonDeadline: p.liaisonDeadline ? sd(p.liaisonDeadline) : null,
    reportSchedules: p.reportSchedules.map((s) => (s.kind === 'dates' ? { ...s, dates: s.dates.map(sd) } : s)),
    sections: p.sections,
    attachments: p.attachments.map((a) => shiftYearsInText(a, t.baseYear, dy)),
    contact: own ? (p.contact ?? null) : null,
    participantUnitIds: subtree.map((u) => u.id),
  };
}

export function createCampaignTemplatesService(deps: { db: Db; unitsRepository: UnitsRepository; campaignsService: CampaignsService; today?: () => Date }) {
  const { db, unitsRepository, campaignsService } = deps;
  const today = deps.today ?? (() => new Date());

  return {
    list: () =>
      CAMPAIGN_TEMPLATES.map((t) => ({
        key: t.key,
        title: t.title,
        source: t.source,
        baseYear: t.baseYear,
        name: t.plan.name,
        docNumber: t.plan.docNumber ?? null,
        categories: t.plan.categories.map((c) => ({ code: c.code, label: c.label, subLabel: c.subLabel ?? null })),
        taskCount: t.plan.tasks.length,
      })),

    get(key: string) {
      const t = findTemplate(key);
      if (!t) throw notFound('模板');
      return t;
    },

    async createFromTemplate(actor: Actor, input: { template: string; unitId: string; year?: number }) {
      const unit = await campaignsService.requireCreatableUnit(actor, input.unitId);
      const t = findTemplate(input.template);
      if (!t) throw invalidField('template', `没有名为“${input.template}”的模板`);
      const year = input.year ?? Number(todayInChina(today()).slice(0, 4));
      const subtree = await unitsRepository.listSubtree(db, unit.path);
      const plan = templateToPlan(t, subtree, unit.name, year);
      const created = await campaignsService.insert(actor, unit, plan, { templateKey: t.key });
      return campaignsService.view(actor, created);
    },
  };
}

export type CampaignTemplatesService = ReturnType<typeof createCampaignTemplatesService>;
