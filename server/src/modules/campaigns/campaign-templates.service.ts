import { todayInChina } from '../../platform/today';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { invalidField, notFound } from '../../platform/errors';
import type { UnitsRepository } from '../units/units.repository';
import type { PlanInput } from './campaign-plan.types';
import type { CampaignsService } from './campaigns.service';
import { matchRoles } from './role-matching';
import { yearShifter } from './template-years';
import { CAMPAIGN_TEMPLATES, findTemplate } from './templates';
import type { CampaignTemplate } from './templates/template.types';

/**
 * Turns a template into a plan for a bureau: its sections matched to the template's role names,
 * every unit of its subtree taking part, the dates moved to the year asked for and the years the
 * plan's own text names with them (template-years.ts), so 报送2021年工作总结报告 due 2021-12-15 becomes
 * 报送2026年工作总结报告 due 2026-12-15. The superior documents it implements (basis) keep theirs.
 */
export function templateToPlan(
  t: CampaignTemplate,
  subtree: Parameters<typeof matchRoles>[1],
  unitName: string,
  year: number,
): PlanInput {
  const p = t.plan;
  const shift = yearShifter(t.baseYear, year);
  const { date: sd, prose } = shift;
  const office = p.officeRoleName ? matchRoles([p.officeRoleName], subtree).unitIds[0] : undefined;
  // Another bureau taking up the plan issues it under its own name: the template's 文号, contact
  // and named leadership belong to the bureau that wrote it, so they are left for the office to fill.
  const own = unitName === p.issuingOrgan;
  const name = shift.title(p.name);
  return {
    name: own || !name.includes(p.issuingOrgan) ? name : name.replace(p.issuingOrgan, unitName),
    docNumber: own && p.docNumber ? shift.title(p.docNumber) : null,
    issuingOrgan: unitName,
    issueDate: p.issueDate ? sd(p.issueDate) : null,
    recipients: p.recipients ?? null,
    basis: p.basis,
    goals: p.goals.map(prose),
    startDate: sd(p.startDate),
    endDate: sd(p.endDate),
    phases: p.phases.map((x) => ({
      name: prose(x.name),
      startDate: sd(x.startDate),
      endDate: sd(x.endDate),
      description: prose(x.description),
    })),
    concentratedWindows: p.concentratedWindows.map((x) => ({
      name: prose(x.name),
      startDate: sd(x.startDate),
      endDate: sd(x.endDate),
    })),
    categories: p.categories.map((c) => ({ code: c.code, label: c.label, subLabel: c.subLabel ?? null })),
    tasks: p.tasks.map((task) => {
      const lead = matchRoles(task.leadRoles, subtree);
      const coop = matchRoles(task.cooperatingRoles, subtree);
      return {
        area: task.area,
        title: prose(task.title),
        content: prose(task.content),
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
    kpis: p.kpis.map((k) => ({
      measure: 'none' as const,
      period: 'campaign' as const,
      ...k,
      description: prose(k.description),
    })),
    leadership: own ? p.leadership : [],
    officeUnitId: office ?? null,
    liaisonDeadline: p.liaisonDeadline ? sd(p.liaisonDeadline) : null,
    reportSchedules: p.reportSchedules.map((s) => {
      const words = { name: prose(s.name), ...(s.note === undefined ? {} : { note: prose(s.note) }) };
      return s.kind === 'dates' ? { ...s, ...words, dates: s.dates.map(sd) } : { ...s, ...words };
    }),
    sections: p.sections.map((x) => ({ heading: prose(x.heading), paragraphs: x.paragraphs.map(prose) })),
    attachments: p.attachments.map(shift.title),
    contact: own ? (p.contact ?? null) : null,
    participantUnitIds: subtree.map((u) => u.id),
  };
}

export function createCampaignTemplatesService(deps: {
  db: Db;
  unitsRepository: UnitsRepository;
  campaignsService: CampaignsService;
  today?: () => Date;
}) {
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
