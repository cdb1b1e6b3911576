import { isPathWithin } from '../../platform/scope';

/** Pure: the task × unit grid of a plan from its tasks, the tagged records and the notes. */

export const GRID_KINDS = ['case', 'lead', 'inspection', 'draw', 'visit'] as const;
export type GridKind = (typeof GRID_KINDS)[number];
export type Counts = Record<GridKind, number>;

export interface GridTask {
  id: string;
  campaignId: string;
  campaignName: string;
  /** The plan's start: no unit is inactive before N weeks of it have passed. */
  startDate: string;
  seq: number;
  title: string;
  categoryCode: string;
  inheritedFromTaskId: string | null;
  units: { unitId: string; role: 'lead' | 'cooperating' }[];
}

export interface GridInput {
  tasks: GridTask[];
  /** The units of the cells and of the records, with their paths. */
  unitPaths: Map<string, string>;
  /** Tagged records per (kind, task, record unit). */
  counts: { kind: GridKind; taskId: string; unitId: string; count: number; last: string | null }[];
  notes: { taskId: string; unitId: string; count: number; last: string | null }[];
  /** The cells shown: units in the caller's scope. */
  showsUnit: (unitPath: string) => boolean;
  today: string;
  inactiveWeeks: number;
}

export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const zero = (): Counts => ({ case: 0, lead: 0, inspection: 0, draw: 0, visit: 0 });
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * A 牵头 unit is inactive when it has no tagged record and no note in the last N weeks (counted
 * back from today), once the plan has run N weeks; a 配合 unit is never flagged. Answers the
 * whole weeks without activity (since the last activity, else since the plan started), or null.
 */
export function inactivity(c: {
  role: 'lead' | 'cooperating';
  lastActivity: string | null;
  startDate: string;
  today: string;
  weeks: number;
}): number | null {
  if (c.role !== 'lead') return null;
  const since = addDays(c.today, -7 * c.weeks);
  if (c.startDate > since) return null;
  if (c.lastActivity !== null && c.lastActivity > since) return null;
  return Math.floor(daysBetween(later(c.lastActivity, c.startDate)!, c.today) / 7);
}

export function buildGrid(input: GridInput) {
  const ids = new Set(input.tasks.map((t) => t.id));
  return input.tasks.map((t) => ({
    ...t,
    /** The superior task of the plan's tree this one implements (grouped under it), else null. */
    parentTaskId: t.inheritedFromTaskId && ids.has(t.inheritedFromTaskId) ? t.inheritedFromTaskId : null,
    /** Every record tagged to the task in the caller's scope, whichever unit made it (a 所's case of a 科室's task). */
    counts: input.counts.reduce((sum, c) => {
      const p = input.unitPaths.get(c.unitId);
      if (c.taskId === t.id && p && input.showsUnit(p)) sum[c.kind] += c.count;
      return sum;
    }, zero()),
    cells: t.units.flatMap((u) => {
      const path = input.unitPaths.get(u.unitId);
      if (!path || !input.showsUnit(path)) return [];
      const counts = zero();
      let last: string | null = null;
      for (const c of input.counts) {
        if (c.taskId !== t.id) continue;
        const p = input.unitPaths.get(c.unitId);
        if (!p || !isPathWithin(p, path)) continue;
        counts[c.kind] += c.count;
        last = later(last, c.last);
      }
      const note = input.notes.find((n) => n.taskId === t.id && n.unitId === u.unitId);
      const lastActivity = later(last, note?.last ?? null);
      const weeks = inactivity({
        role: u.role,
        lastActivity,
        startDate: t.startDate,
        today: input.today,
        weeks: input.inactiveWeeks,
      });
      return [
        {
          unitId: u.unitId,
          role: u.role,
          counts,
          total: GRID_KINDS.reduce((s, k) => s + counts[k], 0),
          lastActivity,
          noteCount: note?.count ?? 0,
          inactive: weeks !== null,
          weeksInactive: weeks,
        },
      ];
    }),
  }));
}

export type GridRow = ReturnType<typeof buildGrid>[number];
