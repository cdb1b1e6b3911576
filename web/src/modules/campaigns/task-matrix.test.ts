import { describe, expect, it } from 'vitest';
import { buildTaskMatrix, orderUnits, type MatrixCampaign, type MatrixTask, type MatrixUnit } from './task-matrix';

const unit = (id: string, name: string, kind: MatrixUnit['kind']): MatrixUnit => ({
  id,
  name,
  kind,
  parentId: kind === 'bureau' ? null : 'cm',
});

let seq = 0;
const task = (
  area: string,
  title: string,
  categoryCode: string,
  lead: string[],
  coop: string[] = [],
  pendingLead: string[] = [],
): MatrixTask => ({
  id: `t${seq}`,
  seq: seq++,
  area,
  title,
  content: '',
  categoryCode,
  focusProducts: [],
  focusPlaces: [],
  focusAreas: [],
  leadUnitIds: lead,
  cooperatingUnitIds: coop,
  pendingLeadRoles: pendingLead,
  pendingCooperatingRoles: [],
  inheritedFromTaskId: null,
});

// 崇明区局 and the units the 2021 铁拳 plan names (seed 004).
const units = [
  unit('cqs', '城桥市场监管所', 'office'),
  unit('spsc', '食品生产监督管理科', 'section'),
  unit('zfdd', '执法大队', 'brigade'),
  unit('cm', '上海市崇明区市场监督管理局', 'bureau'),
  unit('rzrk', '认证和认可监督管理科', 'section'),
  unit('bzh', '标准化管理科', 'section'),
  unit('zfjd', '执法监督管理科', 'section'),
];

const campaign = (tasks: MatrixTask[]): MatrixCampaign => ({
  tasks,
  units,
  participantUnitIds: ['cm', 'spsc', 'rzrk', 'bzh', 'zfjd', 'zfdd', 'cqs'],
  categories: [
    { id: 'c1', code: 'food', label: '食品安全违法', subLabel: null, seq: 0, inherited: false },
    { id: 'c2', code: 'ccc', label: 'CCC认证违法', subLabel: '儿童玩具、电线电缆', seq: 1, inherited: false },
    { id: 'c3', code: 'other', label: '其他违法', subLabel: null, seq: 2, inherited: false },
  ],
});

describe('buildTaskMatrix', () => {
  const tasks = [
    task('重点任务', '食品安全违法案件查处任务', 'food', ['spsc']),
    task('重点任务', 'CCC认证违法案件查处任务', 'ccc', [], [], ['认证和认可监督监督管理科']),
    task('工作措施', '集中力量查办案件', 'other', ['zfdd', 'cqs'], ['zfjd']),
    task('重点任务', '产品质量安全违法案件查处任务', 'ccc', ['rzrk'], ['bzh']),
  ];
  const m = buildTaskMatrix(campaign(tasks));

  it('groups tasks by area, areas in order of appearance, tasks in plan order', () => {
    expect(m.areas).toEqual(['重点任务', '工作措施']);
    expect(m.rows.map((r) => r.task.title)).toEqual([
      '食品安全违法案件查处任务',
      'CCC认证违法案件查处任务',
      '产品质量安全违法案件查处任务',
      '集中力量查办案件',
    ]);
    expect(m.rows.map((r) => r.areaSpan)).toEqual([3, 0, 0, 1]);
  });

  it('marks lead and cooperating units per task', () => {
    expect(m.rows[0].marks).toEqual({ spsc: 'lead' });
    expect(m.rows[2].marks).toEqual({ rzrk: 'lead', bzh: 'cooperating' });
    expect(m.rows[3].marks).toEqual({ zfdd: 'lead', cqs: 'lead', zfjd: 'cooperating' });
  });

  it('has a column for each unit named in a task: sections, then the brigade, then the offices', () => {
    expect(m.units.map((u) => u.id)).toEqual(['spsc', 'rzrk', 'bzh', 'zfjd', 'zfdd', 'cqs']);
    expect(m.totals.zfjd).toEqual({ lead: 0, cooperating: 1 });
    expect(m.totals.spsc).toEqual({ lead: 1, cooperating: 0 });
  });

  it('labels categories with their sub-label and flags role names not yet assigned', () => {
    expect(m.rows[1].category).toBe('CCC认证违法（儿童玩具、电线电缆）');
    expect(m.rows[1].pendingLead).toEqual(['认证和认可监督监督管理科']);
    expect(m.rows[1].marks).toEqual({});
    expect(m.pendingTasks).toBe(1);
  });

  it('shows a unit named as both lead and cooperating once, as lead', () => {
    const both = buildTaskMatrix(campaign([task('重点任务', '任务', 'food', ['spsc'], ['spsc'])]));
    expect(both.rows[0].marks).toEqual({ spsc: 'lead' });
    expect(both.totals.spsc).toEqual({ lead: 1, cooperating: 0 });
  });

  it('falls back to the code for an unknown category and to the id for an unnamed unit', () => {
    const odd = buildTaskMatrix(campaign([task('自选动作', '任务', 'gone', ['nobody'])]));
    expect(odd.rows[0].category).toBe('gone');
    expect(odd.units).toEqual([{ id: 'nobody', name: 'nobody', kind: 'section', parentId: null }]);
  });

  it('is empty for a plan without tasks', () => {
    expect(buildTaskMatrix(campaign([]))).toEqual({ units: [], rows: [], areas: [], totals: {}, pendingTasks: 0 });
  });
});

describe('orderUnits', () => {
  it('sorts by kind, then by the preferred order, then by name', () => {
    expect(orderUnits(units, ['zfjd', 'bzh']).map((u) => u.id)).toEqual([
      'cm',
      'zfjd',
      'bzh',
      'rzrk',
      'spsc',
      'zfdd',
      'cqs',
    ]);
  });
});
