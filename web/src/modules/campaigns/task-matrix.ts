import type { Campaign } from './api';

/** What the matrix needs of a campaign (tests build campaigns with just these). */
export type MatrixCampaign = Pick<Campaign, 'tasks' | 'units' | 'categories' | 'participantUnitIds'>;
export type MatrixUnit = Campaign['units'][number];
export type MatrixTask = Campaign['tasks'][number];
export type Mark = 'lead' | 'cooperating';

export interface MatrixRow {
  task: MatrixTask;
  /** The category's label (with its sub-label), or its code when the plan does not list it. */
  category: string;
  /** Unit id → 牵头 / 配合. */
  marks: Record<string, Mark>;
  /** Role names printed in the plan that no unit has been assigned to yet (待指定). */
  pendingLead: string[];
  pendingCooperating: string[];
  /** Rows the area cell spans (on the first row of an area), 0 on the others. */
  areaSpan: number;
}

export interface TaskMatrix {
  /** Columns: every unit that leads or cooperates in some task, 局 first, then 科室, 执法大队, 所. */
  units: MatrixUnit[];
  /** Rows grouped by area, areas in the order they first appear, tasks in plan order. */
  rows: MatrixRow[];
  areas: string[];
  totals: Record<string, { lead: number; cooperating: number }>;
  /** Tasks with a role name still waiting for a unit. */
  pendingTasks: number;
}

const KIND_ORDER: Record<MatrixUnit['kind'], number> = { bureau: 0, section: 1, brigade: 2, office: 3 };

/** Units in the order a plan lists them: by kind (局, 科室, 执法大队, 所), then as the plan names them. */
export function orderUnits<U extends Pick<MatrixUnit, 'id' | 'kind' | 'name'>>(
  units: readonly U[],
  preferred: readonly string[] = [],
): U[] {
  const rank = new Map(preferred.map((id, i) => [id, i]));
  return [...units].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** The 任务分工 matrix: tasks grouped by area × the units leading (牵头) or cooperating (配合). */
export function buildTaskMatrix(c: MatrixCampaign): TaskMatrix {
  const categories = new Map(c.categories.map((x) => [x.code, x.subLabel ? `${x.label}（${x.subLabel}）` : x.label]));
  const byId = new Map(c.units.map((u) => [u.id, u]));
  const totals: TaskMatrix['totals'] = {};
  const used = new Set<string>();
  const count = (unitId: string, mark: Mark) => {
    used.add(unitId);
    totals[unitId] ??= { lead: 0, cooperating: 0 };
    totals[unitId][mark] += 1;
  };

  const areas: string[] = [];
  const byArea = new Map<string, MatrixTask[]>();
  for (const task of [...c.tasks].sort((a, b) => a.seq - b.seq)) {
    if (!byArea.has(task.area)) {
      areas.push(task.area);
      byArea.set(task.area, []);
    }
    byArea.get(task.area)!.push(task);
  }

  const rows: MatrixRow[] = [];
  for (const area of areas) {
    const tasks = byArea.get(area)!;
    tasks.forEach((task, i) => {
      const marks: Record<string, Mark> = {};
      // A unit named as both (the server refuses it) shows as lead.
      for (const id of task.cooperatingUnitIds) marks[id] = 'cooperating';
      for (const id of task.leadUnitIds) marks[id] = 'lead';
      for (const [id, mark] of Object.entries(marks)) count(id, mark);
      rows.push({
        task,
        category: categories.get(task.categoryCode) ?? task.categoryCode,
        marks,
        pendingLead: task.pendingLeadRoles,
        pendingCooperating: task.pendingCooperatingRoles,
        areaSpan: i === 0 ? tasks.length : 0,
      });
    });
  }

  const units = orderUnits(
    [...used].map((id) => byId.get(id) ?? { id, name: id, kind: 'section' as const, parentId: null }),
    c.participantUnitIds,
  );
  const pendingTasks = rows.filter((r) => r.pendingLead.length > 0 || r.pendingCooperating.length > 0).length;
  return { units, rows, areas, totals, pendingTasks };
}
