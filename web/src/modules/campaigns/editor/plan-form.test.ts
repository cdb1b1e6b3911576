import { describe, expect, it } from 'vitest';
import type { Problem } from '@redshield/api-client';
import type { Campaign } from '../api';
import {
  campaignToFormValues,
  emptyPlan,
  formValuesToPlan,
  planFieldPaths,
  planProblem,
  toCreateBody,
  type PlanFormValues,
  type TaskValues,
} from './plan-form';

const task = (title: string, leadUnitIds: string[] = []): TaskValues => ({
  area: '重点任务',
  title,
  content: '',
  categoryCode: 'food',
  focusProducts: [],
  focusPlaces: [],
  focusAreas: [],
  leadUnitIds,
  cooperatingUnitIds: [],
  pendingLeadRoles: [],
  pendingCooperatingRoles: [],
});

const plan = (): PlanFormValues => ({
  ...emptyPlan({ id: 'cm', name: '上海市崇明区市场监督管理局' }, ['cm', 'spsc'], '其他违法'),
  name: ' 2026民生领域案件查办“铁拳”行动方案 ',
  docNumber: '  ',
  startDate: '2026-05-14',
  endDate: '2026-12-15',
  basis: ['国市监稽发〔2021〕22号', ''],
  categories: [
    { code: 'food', label: '食品安全违法', subLabel: '', inherited: true },
    { code: 'other', label: '其他违法', subLabel: null },
  ],
  tasks: [
    { ...task('食品安全违法案件查处任务', ['spsc']), id: 'task-1', inheritedFromTaskId: 'parent-1' },
    task('自选动作'),
  ],
  reportSchedules: [
    { name: '月报', kind: 'monthly', dayOfMonth: 2, cumulative: true, time: '15:00' },
    { id: 's2', name: '日报', kind: 'daily', time: '12:00', dates: ['2026-07-01'] },
    { name: '季报', kind: 'dates', dates: ['2026-07-02', '2026-10-02'], note: ' 第二、三季度 ' },
  ],
});

const problem = (errors: Problem['errors']): Problem => ({
  type: 'about:blank',
  title: '方案内容有误',
  status: 400,
  detail: (errors ?? []).map((e) => e.message).join('；'),
  errors,
});

describe('formValuesToPlan', () => {
  const body = formValuesToPlan(plan());

  it('trims text and sends empty optional text as null', () => {
    expect(body.name).toBe('2026民生领域案件查办“铁拳”行动方案');
    expect(body.docNumber).toBeNull();
    expect(body.categories?.[0]).toEqual({ code: 'food', label: '食品安全违法', subLabel: null });
  });

  it('keeps empty list items, so server paths still point at what is on screen', () => {
    expect(body.basis).toEqual(['国市监稽发〔2021〕22号', '']);
    expect(body.tasks).toHaveLength(2);
  });

  it('keeps the ids of existing tasks and leaves out what only the form needs', () => {
    expect(body.tasks?.[0]).toMatchObject({ id: 'task-1', leadUnitIds: ['spsc'] });
    expect(body.tasks?.[0]).not.toHaveProperty('inheritedFromTaskId');
    expect(body.tasks?.[1]).not.toHaveProperty('id');
  });

  it('sends each report schedule with the fields of its kind only', () => {
    expect(body.reportSchedules).toEqual([
      { name: '月报', kind: 'monthly', dayOfMonth: 2, cumulative: true },
      { id: 's2', name: '日报', kind: 'daily', time: '12:00', withinWindows: true },
      { name: '季报', note: '第二、三季度', kind: 'dates', dates: ['2026-07-02', '2026-10-02'] },
    ]);
  });

  it('sends what a dated report covers and a monthly report owed after the end, when the form sets them', () => {
    const schedules = formValuesToPlan({
      ...plan(),
      reportSchedules: [
        { name: '月报', kind: 'monthly', dayOfMonth: 5, cumulative: false, afterEnd: true, covers: 'quarter' },
        { name: '月报二', kind: 'monthly', dayOfMonth: 5, cumulative: false, afterEnd: false },
        { name: '季度', kind: 'dates', dates: ['2026-07-02', '2026-10-02'], covers: 'quarter', afterEnd: true },
        { name: '全年', kind: 'dates', dates: ['2026-12-15'], covers: 'yearToDate' },
      ],
    }).reportSchedules;
    expect(schedules).toEqual([
      { name: '月报', kind: 'monthly', dayOfMonth: 5, cumulative: false, afterEnd: true },
      { name: '月报二', kind: 'monthly', dayOfMonth: 5, cumulative: false },
      { name: '季度', kind: 'dates', dates: ['2026-07-02', '2026-10-02'], covers: 'quarter' },
      { name: '全年', kind: 'dates', dates: ['2026-12-15'], covers: 'yearToDate' },
    ]);
  });

  it('sends the form a schedule names (统计表), and none when cleared (annex 2)', () => {
    const schedules = formValuesToPlan({
      ...plan(),
      reportSchedules: [
        { name: '信息周报', kind: 'weekly', weekday: 4, time: '15:00', statTemplate: 'festival-weekly' },
        { name: '月报', kind: 'monthly', dayOfMonth: 2, cumulative: true, statTemplate: undefined },
      ],
    }).reportSchedules;
    expect(schedules).toEqual([
      { name: '信息周报', kind: 'weekly', weekday: 4, time: '15:00', statTemplate: 'festival-weekly' },
      { name: '月报', kind: 'monthly', dayOfMonth: 2, cumulative: true },
    ]);
  });

  it('adds the issuing unit for a new plan', () => {
    expect(toCreateBody(plan()).unitId).toBe('cm');
  });
});

describe('campaignToFormValues', () => {
  it('shows a dated schedule stored without a period rule as covering the time since the previous date', () => {
    const stored = { ...formValuesToPlan(plan()), unitId: 'cm', tasks: [], categories: [] };
    stored.reportSchedules = [
      { id: 'a', name: '阶段小结', kind: 'dates', dates: ['2026-07-01'] },
      { id: 'b', name: '全年', kind: 'dates', dates: ['2026-12-15'], covers: 'yearToDate' },
      { id: 'c', name: '月报', kind: 'monthly', dayOfMonth: 2, cumulative: true },
    ];
    expect(campaignToFormValues(stored as unknown as Campaign).reportSchedules.map((s) => [s.id, s.covers])).toEqual([
      ['a', 'sincePrevious'],
      ['b', 'yearToDate'],
      ['c', undefined],
    ]);
  });
});

describe('emptyPlan', () => {
  it('starts with the unit as issuing organ, its subtree taking part and 其他违法', () => {
    const v = emptyPlan({ id: 'cm', name: '崇明区局' }, ['cm', 'cqs'], '其他违法');
    expect(v).toMatchObject({
      unitId: 'cm',
      issuingOrgan: '崇明区局',
      participantUnitIds: ['cm', 'cqs'],
      categories: [{ code: 'other', label: '其他违法' }],
    });
  });
});

describe('planFieldPaths', () => {
  const paths = planFieldPaths(toCreateBody(plan())).map((p) => p.join('.'));

  it('names the fields of list items, longest first', () => {
    expect(paths).toContain('tasks.1.leadUnitIds');
    expect(paths).toContain('phases');
    expect(paths).toContain('reportSchedules.2.dates');
    expect(paths.indexOf('tasks.1.leadUnitIds')).toBeLessThan(paths.indexOf('tasks'));
  });

  it('gives each basis line its own field, but tag lists one field', () => {
    expect(paths).toContain('basis.1');
    expect(paths).toContain('tasks.0.focusProducts');
    expect(paths).not.toContain('tasks.0.leadUnitIds.0');
    expect(paths).not.toContain('reportSchedules.2.dates.0');
  });
});

describe('planProblem', () => {
  const body = toCreateBody(plan());

  it('puts each server error on its form field: tasks.1.leadUnitIds → [tasks, 1, leadUnitIds]', () => {
    const p = planProblem(
      problem([{ path: 'tasks.1.leadUnitIds', message: '第 2 个任务“自选动作”没有牵头单位' }]),
      body,
    );
    expect(p.fields).toEqual([{ name: ['tasks', 1, 'leadUnitIds'], errors: ['第 2 个任务“自选动作”没有牵头单位'] }]);
    expect(p.summary).toEqual([{ message: '第 2 个任务“自选动作”没有牵头单位', name: ['tasks', 1, 'leadUnitIds'] }]);
  });

  it('puts an error on one unit of a picker onto the picker, and groups errors per field', () => {
    const p = planProblem(
      problem([
        { path: 'tasks.0.leadUnitIds.0', message: '所选单位不在发文单位的管辖范围内' },
        { path: 'tasks.0.leadUnitIds.1', message: '单位“执法大队”已停用' },
        { path: 'reportSchedules.2.dates.1', message: '报送日期 2026-01-02 早于行动开始日期' },
      ]),
      body,
    );
    expect(p.fields).toEqual([
      { name: ['tasks', 0, 'leadUnitIds'], errors: ['所选单位不在发文单位的管辖范围内', '单位“执法大队”已停用'] },
      { name: ['reportSchedules', 2, 'dates'], errors: ['报送日期 2026-01-02 早于行动开始日期'] },
    ]);
  });

  it('maps list-level and itemized errors', () => {
    const p = planProblem(
      problem([
        { path: 'categories', message: '实施方案沿用上级行动的违法类型，不能增减' },
        { path: 'basis.1', message: '不能为空' },
        { path: 'unitId', message: '行动方案须由局（区县局及以上）制定' },
      ]),
      body,
    );
    expect(p.fields.map((f) => f.name)).toEqual([['categories'], ['basis', 1], ['unitId']]);
  });

  it('puts an error on a list item the form does not have onto the list', () => {
    const p = planProblem(problem([{ path: 'sections.9.heading', message: '请填写标题' }]), body);
    expect(p.fields).toEqual([{ name: ['sections'], errors: ['请填写标题'] }]);
  });

  it('keeps errors that name no field of the form in the summary only', () => {
    const p = planProblem(problem([{ path: 'template', message: '没有该模板' }, { message: '方案内容有误' }]), body);
    expect(p.fields).toEqual([]);
    expect(p.summary).toEqual([{ message: '没有该模板' }, { message: '方案内容有误' }]);
  });

  it('falls back to the detail when the problem lists no errors', () => {
    const p = planProblem(
      { type: 'about:blank', title: '冲突', status: 409, detail: '该方案已被他人修改，请刷新后再试' },
      body,
    );
    expect(p).toEqual({ fields: [], summary: [{ message: '该方案已被他人修改，请刷新后再试' }] });
  });
});
