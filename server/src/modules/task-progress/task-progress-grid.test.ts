import { describe, expect, it } from 'vitest';
import { buildGrid, inactivity, type GridTask } from './task-progress-grid';

const task = (over: Partial<GridTask> = {}): GridTask => ({
  id: 't1',
  campaignId: 'c',
  campaignName: 'plan',
  startDate: '2026-01-01',
  seq: 1,
  title: 'task',
  categoryCode: 'food',
  inheritedFromTaskId: null,
  units: [
    { unitId: 'lead', role: 'lead' },
    { unitId: 'coop', role: 'cooperating' },
  ],
  ...over,
});

describe('inactivity of a 牵头 unit', () => {
  const base = { role: 'lead' as const, startDate: '2026-01-01', today: '2026-12-05', weeks: 4 };
  it('flags no activity in the last N weeks, counting whole weeks since the last', () => {
    expect(inactivity({ ...base, lastActivity: null })).toBe(48);
    expect(inactivity({ ...base, lastActivity: '2026-11-01' })).toBe(4);
    expect(inactivity({ ...base, lastActivity: '2026-11-08' })).toBeNull();
  });
  it('never flags a 配合 unit, nor before the plan has run N weeks', () => {
    expect(inactivity({ ...base, role: 'cooperating', lastActivity: null })).toBeNull();
    expect(inactivity({ ...base, startDate: '2026-11-10', lastActivity: null })).toBeNull();
    expect(inactivity({ ...base, startDate: '2026-11-07', lastActivity: null })).toBe(4);
  });
});

describe('the grid', () => {
  const unitPaths = new Map([
    ['lead', '/d/lead/'],
    ['coop', '/d/coop/'],
    ['below', '/d/lead/below/'],
    ['other', '/x/'],
  ]);
  it('sums the records of the unit subtree per kind, with notes and the last activity', () => {
    const [row] = buildGrid({
      tasks: [task()],
      unitPaths,
      counts: [
        { kind: 'case', taskId: 't1', unitId: 'below', count: 2, last: '2026-11-30' },
        { kind: 'lead', taskId: 't1', unitId: 'lead', count: 1, last: '2026-10-01' },
        { kind: 'case', taskId: 't2', unitId: 'lead', count: 5, last: '2026-12-01' },
        { kind: 'visit', taskId: 't1', unitId: 'other', count: 3, last: '2026-12-01' },
      ],
      notes: [{ taskId: 't1', unitId: 'coop', count: 2, last: '2026-01-10' }],
      showsUnit: () => true,
      today: '2026-12-05',
      inactiveWeeks: 4,
    });
    expect(row.cells[0]).toMatchObject({
      unitId: 'lead',
      counts: { case: 2, lead: 1, inspection: 0, draw: 0, visit: 0 },
      total: 3,
      lastActivity: '2026-11-30',
      inactive: false,
    });
    expect(row.cells[1]).toMatchObject({
      unitId: 'coop',
      total: 0,
      noteCount: 2,
      lastActivity: '2026-01-10',
      inactive: false,
    });
    // The task's own figure counts every unit's tagged records, named on the task or not.
    expect(row.counts).toEqual({ case: 2, lead: 1, inspection: 0, draw: 0, visit: 3 });
  });
  it('shows only the cells of units in scope and groups a 实施方案 task under its superior', () => {
    const rows = buildGrid({
      tasks: [
        task(),
        task({ id: 't9', campaignId: 'impl', inheritedFromTaskId: 't1' }),
        task({ id: 't8', inheritedFromTaskId: 'gone' }),
      ],
      unitPaths,
      counts: [],
      notes: [],
      showsUnit: (p) => p.startsWith('/d/lead/'),
      today: '2026-12-05',
      inactiveWeeks: 4,
    });
    expect(rows[0].cells.map((c) => c.unitId)).toEqual(['lead']);
    expect(rows[0].cells[0]).toMatchObject({ inactive: true, weeksInactive: 48 });
    expect(rows[1].parentTaskId).toBe('t1');
    expect(rows[2].parentTaskId).toBeNull();
  });
});
