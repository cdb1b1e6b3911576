/** A task of the record's campaign as the default rule sees it: its category and its 牵头/配合 units' paths. */
export interface TaskForDefault {
  id: string;
  seq: number;
  categoryCode: string;
  unitPaths: string[];
}

/**
 * The plan task (重点任务) a record serves when it is created without one: among the tasks of the
 * record's campaign, the one whose category is the record's and whose 牵头/配合 units include the
 * record's unit or a unit above it (the lowest-numbered when several do); else the only task of
 * that category; else none. A record without a category (a draw, a visit) takes the only task
 * naming its unit or a unit above it, else none.
 */
export function defaultTaskId(
  tasks: TaskForDefault[],
  record: { categoryCode: string | null; unitPath: string },
): string | null {
  return createTaskDefaulter(tasks)(record);
}

/** The paths a unit path lies within: itself and each of its ancestors' ("/a/", "/a/b/", …). */
function pathsWithin(unitPath: string): string[] {
  const paths: string[] = [];
  for (let i = unitPath.indexOf('/', 1); i !== -1; i = unitPath.indexOf('/', i + 1))
    paths.push(unitPath.slice(0, i + 1));
  return paths;
}

/**
 * `defaultTaskId` over one campaign's tasks, prepared once for many records (an import's rows): the
 * tasks by the unit paths they name, so a record looks up its own unit and its ancestors' (a handful)
 * instead of comparing its path with every unit of every task.
 */
export function createTaskDefaulter(tasks: TaskForDefault[]) {
  const sorted = [...tasks].sort((a, b) => a.seq - b.seq);
  const naming = new Map<string, Set<string>>();
  for (const t of sorted)
    for (const p of t.unitPaths) {
      if (!naming.has(p)) naming.set(p, new Set());
      naming.get(p)!.add(t.id);
    }
  const ofCategory = new Map<string, TaskForDefault[]>();
  for (const t of sorted) {
    if (!ofCategory.has(t.categoryCode)) ofCategory.set(t.categoryCode, []);
    ofCategory.get(t.categoryCode)!.push(t);
  }

  return (record: { categoryCode: string | null; unitPath: string }): string | null => {
    const serving = new Set<string>();
    for (const p of pathsWithin(record.unitPath)) for (const id of naming.get(p) ?? []) serving.add(id);
    if (record.categoryCode === null) {
      const byUnit = sorted.filter((t) => serving.has(t.id));
      return byUnit.length === 1 ? byUnit[0].id : null;
    }
    const candidates = ofCategory.get(record.categoryCode) ?? [];
    const byUnit = candidates.find((t) => serving.has(t.id));
    if (byUnit) return byUnit.id;
    return candidates.length === 1 ? candidates[0].id : null;
  };
}
