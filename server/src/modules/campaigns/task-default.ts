import { isPathWithin } from '../../platform/scope';

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
  const sorted = [...tasks].sort((a, b) => a.seq - b.seq);
  const servesUnit = (t: TaskForDefault) => t.unitPaths.some((p) => isPathWithin(record.unitPath, p));
  if (record.categoryCode === null) {
    const byUnit = sorted.filter(servesUnit);
    return byUnit.length === 1 ? byUnit[0].id : null;
  }
  const ofCategory = sorted.filter((t) => t.categoryCode === record.categoryCode);
  const byUnit = ofCategory.find(servesUnit);
  if (byUnit) return byUnit.id;
  return ofCategory.length === 1 ? ofCategory[0].id : null;
}
