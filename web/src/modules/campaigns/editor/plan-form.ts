import type { Problem } from '@redshield/api-client';
import { toFieldPath, type FieldErrors, type FieldPath } from '../../../lib/problem';
import type { Campaign, CreateCampaignBody, UpdateCampaignBody } from '../api';

/**
 * The editor's form holds the plan in the API's own shape (dates as YYYY-MM-DD text, the same
 * field names), so an error the server names `tasks.0.leadUnitIds` lands on the form field
 * ['tasks', 0, 'leadUnitIds'] without translation.
 */
export type PlanBody = Omit<UpdateCampaignBody, 'version'>;
type Required<T> = { [K in keyof T]-?: T[K] };

export type ScheduleKind = 'monthly' | 'weekly' | 'daily' | 'dates';
export const SCHEDULE_KINDS: ScheduleKind[] = ['monthly', 'weekly', 'daily', 'dates'];

type DatesSchedule = Extract<NonNullable<PlanBody['reportSchedules']>[number], { kind: 'dates' }>;
/** What a report due on a fixed date covers (the server's report-deadlines.ts says how). */
export type DateCovers = NonNullable<DatesSchedule['covers']>;
export const DATE_COVERS: DateCovers[] = ['sincePrevious', 'quarter', 'yearToDate'];

/** One report schedule as the form edits it: every kind's fields, the kind deciding which count. */
export interface ScheduleValues {
  id?: string;
  name: string;
  note?: string;
  kind: ScheduleKind;
  dayOfMonth?: number;
  cumulative?: boolean;
  /** Monthly: the report falling due after the campaign's end is owed all the same. */
  afterEnd?: boolean;
  weekday?: number;
  time?: string;
  dates?: string[];
  covers?: DateCovers;
  /** The statistics table (统计表) its reports carry; empty: annex 2 of the 铁拳 plan. */
  statTemplate?: string;
}

export type TaskValues = Required<Omit<NonNullable<PlanBody['tasks']>[number], 'id'>> & {
  id?: string;
  inheritedFromTaskId?: string | null;
};
export type CategoryValues = { code: string; label: string; subLabel?: string | null; inherited?: boolean };

export interface PlanFormValues extends Omit<Required<PlanBody>, 'tasks' | 'categories' | 'reportSchedules'> {
  /** The issuing unit: chosen for a new plan, fixed afterwards. */
  unitId?: string;
  tasks: TaskValues[];
  categories: CategoryValues[];
  reportSchedules: ScheduleValues[];
}

export const OTHER_CATEGORY_CODE = 'other';

/** A plan as the server sent it, ready for the form. */
export function campaignToFormValues(c: Campaign): PlanFormValues {
  return {
    unitId: c.unitId,
    name: c.name,
    docNumber: c.docNumber,
    issuingOrgan: c.issuingOrgan,
    issueDate: c.issueDate,
    recipients: c.recipients,
    basis: [...c.basis],
    goals: [...c.goals],
    startDate: c.startDate,
    endDate: c.endDate,
    phases: c.phases.map((p) => ({ ...p })),
    concentratedWindows: c.concentratedWindows.map((w) => ({ ...w })),
    categories: c.categories.map((x) => ({
      code: x.code,
      label: x.label,
      subLabel: x.subLabel,
      inherited: x.inherited,
    })),
    tasks: c.tasks.map((t) => ({
      id: t.id,
      inheritedFromTaskId: t.inheritedFromTaskId,
      area: t.area,
      title: t.title,
      content: t.content,
      categoryCode: t.categoryCode,
      focusProducts: [...t.focusProducts],
      focusPlaces: [...t.focusPlaces],
      focusAreas: [...t.focusAreas],
      leadUnitIds: [...t.leadUnitIds],
      cooperatingUnitIds: [...t.cooperatingUnitIds],
      pendingLeadRoles: [...t.pendingLeadRoles],
      pendingCooperatingRoles: [...t.pendingCooperatingRoles],
    })),
    kpis: c.kpis.map((k) => ({ ...k })),
    leadership: c.leadership.map((m) => ({ ...m })),
    officeUnitId: c.officeUnitId,
    liaisonDeadline: c.liaisonDeadline,
    workPlanDeadline: c.workPlanDeadline,
    predecessorCampaignId: c.predecessorCampaignId,
    // A dated schedule stored without a rule covers the time since the previous date: the form shows so.
    reportSchedules: c.reportSchedules.map((s) =>
      s.kind === 'dates' ? { ...s, covers: s.covers ?? 'sincePrevious' } : { ...s },
    ),
    sections: c.sections.map((s) => ({ heading: s.heading, paragraphs: [...s.paragraphs] })),
    attachments: [...c.attachments],
    contact: c.contact,
    participantUnitIds: [...c.participantUnitIds],
  };
}

/** A new plan for a unit: its whole subtree takes part, and every statistics table ends with 其他违法. */
export function emptyPlan(
  unit: { id: string; name: string } | undefined,
  participantUnitIds: string[],
  otherLabel: string,
): PlanFormValues {
  return {
    unitId: unit?.id,
    name: '',
    docNumber: null,
    issuingOrgan: unit?.name ?? '',
    issueDate: null,
    recipients: null,
    basis: [],
    goals: [],
    startDate: '',
    endDate: '',
    phases: [],
    concentratedWindows: [],
    categories: [{ code: OTHER_CATEGORY_CODE, label: otherLabel, subLabel: null }],
    tasks: [],
    kpis: [],
    leadership: [],
    officeUnitId: null,
    liaisonDeadline: null,
    workPlanDeadline: null,
    predecessorCampaignId: null,
    reportSchedules: [],
    sections: [],
    attachments: [],
    contact: null,
    participantUnitIds,
  };
}

const text = (s: string | null | undefined) => (s ?? '').trim();
const optional = (s: string | null | undefined) => text(s) || null;
const list = <T>(xs: T[] | null | undefined): T[] => xs ?? [];

function scheduleToBody(s: ScheduleValues): NonNullable<PlanBody['reportSchedules']>[number] {
  const base = {
    ...(s.id ? { id: s.id } : {}),
    name: text(s.name),
    ...(text(s.note) ? { note: text(s.note) } : {}),
    ...(s.statTemplate ? { statTemplate: s.statTemplate } : {}),
  };
  switch (s.kind) {
    case 'monthly':
      return {
        ...base,
        kind: 'monthly',
        dayOfMonth: s.dayOfMonth as number,
        cumulative: !!s.cumulative,
        ...(s.afterEnd ? { afterEnd: true } : {}),
      };
    case 'weekly':
      return { ...base, kind: 'weekly', weekday: s.weekday as number, time: s.time ?? '' };
    case 'daily':
      return { ...base, kind: 'daily', time: s.time ?? '', withinWindows: true };
    default:
      return { ...base, kind: 'dates', dates: list(s.dates), ...(s.covers ? { covers: s.covers } : {}) };
  }
}

/**
 * The plan to send. Lists keep their length and order (an item the user left empty stays, so the
 * server's `tasks.3.title` still points at the fourth task on screen); text is trimmed, empty
 * optional text becomes null, and what only the form needs (inherited flags) is left out.
 */
export function formValuesToPlan(v: PlanFormValues): PlanBody {
  return {
    name: text(v.name),
    docNumber: optional(v.docNumber),
    issuingOrgan: text(v.issuingOrgan),
    issueDate: v.issueDate || null,
    recipients: optional(v.recipients),
    basis: list(v.basis).map(text),
    goals: list(v.goals).map(text),
    startDate: v.startDate ?? '',
    endDate: v.endDate ?? '',
    phases: list(v.phases).map((p) => ({
      name: text(p.name),
      startDate: p.startDate ?? '',
      endDate: p.endDate ?? '',
      description: text(p.description),
    })),
    concentratedWindows: list(v.concentratedWindows).map((w) => ({
      name: text(w.name),
      startDate: w.startDate ?? '',
      endDate: w.endDate ?? '',
    })),
    categories: list(v.categories).map((c) => ({
      code: text(c.code),
      label: text(c.label),
      subLabel: optional(c.subLabel),
    })),
    tasks: list(v.tasks).map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      area: text(t.area),
      title: text(t.title),
      content: text(t.content),
      categoryCode: t.categoryCode ?? '',
      focusProducts: list(t.focusProducts),
      focusPlaces: list(t.focusPlaces),
      focusAreas: list(t.focusAreas),
      leadUnitIds: list(t.leadUnitIds),
      cooperatingUnitIds: list(t.cooperatingUnitIds),
      pendingLeadRoles: list(t.pendingLeadRoles),
      pendingCooperatingRoles: list(t.pendingCooperatingRoles),
    })),
    kpis: list(v.kpis).map((k) => ({
      name: text(k.name),
      comparator: k.comparator,
      target: k.target,
      unit: text(k.unit),
      description: text(k.description),
      measure: k.measure ?? 'none',
      period: k.period ?? 'campaign',
    })),
    leadership: list(v.leadership).map((m) => ({ role: m.role, name: text(m.name), title: text(m.title) })),
    officeUnitId: v.officeUnitId || null,
    liaisonDeadline: v.liaisonDeadline || null,
    workPlanDeadline: v.workPlanDeadline || null,
    predecessorCampaignId: v.predecessorCampaignId || null,
    reportSchedules: list(v.reportSchedules).map(scheduleToBody),
    sections: list(v.sections).map((s) => ({
      heading: text(s.heading),
      paragraphs: list(s.paragraphs).map(text).filter(Boolean),
    })),
    attachments: list(v.attachments).map(text),
    contact: optional(v.contact),
    participantUnitIds: list(v.participantUnitIds),
  };
}

export const toCreateBody = (v: PlanFormValues): CreateCampaignBody => ({
  ...formValuesToPlan(v),
  unitId: v.unitId ?? '',
});

/** Lists of plain text the editor shows one input per item (an error on `basis.1` is the second input's). */
const ITEMIZED_LISTS = new Set(['basis', 'goals', 'attachments']);

/**
 * Every field path of a plan, longest first: lists of records give their items' fields
 * (['tasks', 0, 'leadUnitIds']) and themselves (['tasks']); other lists of plain values are one
 * field (a tag picker). An error path is put on the longest of these it starts with.
 */
export function planFieldPaths(value: unknown): FieldPath[] {
  const paths: FieldPath[] = [];
  const walk = (v: unknown, at: FieldPath) => {
    if (Array.isArray(v)) {
      if (at.length > 0) paths.push(at);
      if (at.length === 1 && ITEMIZED_LISTS.has(String(at[0]))) v.forEach((_, i) => paths.push([...at, i]));
      else if (v.some((x) => typeof x === 'object' && x !== null)) v.forEach((x, i) => walk(x, [...at, i]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    } else if (at.length > 0) {
      paths.push(at);
    }
  };
  walk(value, []);
  return paths.sort((a, b) => b.length - a.length);
}

const startsWith = (path: FieldPath, prefix: FieldPath) =>
  prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));

export interface PlanProblem {
  /** Errors to put under their fields (form.setFields), grouped per field in the server's order. */
  fields: FieldErrors[];
  /** Every message in the server's order, with the field it is shown on when there is one (the summary above the form). */
  summary: { message: string; name?: FieldPath }[];
}

/** Splits a 400 on a plan into field errors and the summary shown above the form. */
export function planProblem(problem: Problem | undefined, plan: unknown): PlanProblem {
  const fieldPaths = planFieldPaths(plan);
  const fields: FieldErrors[] = [];
  const summary: PlanProblem['summary'] = [];
  for (const e of problem?.errors ?? []) {
    const path = e.path ? toFieldPath(e.path) : [];
    const name = path.length > 0 ? fieldPaths.find((f) => startsWith(path, f)) : undefined;
    summary.push(name ? { message: e.message, name } : { message: e.message });
    if (!name) continue;
    const existing = fields.find((f) => startsWith(f.name, name) && f.name.length === name.length);
    if (existing) existing.errors.push(e.message);
    else fields.push({ name, errors: [e.message] });
  }
  if (summary.length === 0 && problem?.detail) summary.push({ message: problem.detail });
  return { fields, summary };
}
