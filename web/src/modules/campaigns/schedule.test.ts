import { describe, expect, it } from 'vitest';
import {
  barPosition,
  buildSchedule,
  daysBetween,
  monthTicks,
  nextDeadline,
  scheduleSpan,
  type ScheduleCampaign,
} from './schedule';

type Deadline = ScheduleCampaign['deadlines'][number];
const monthly = (due: string, periodEnd: string): Deadline => ({
  scheduleId: 'm',
  name: '案件统计表（累计）',
  kind: 'monthly',
  periodStart: '2026-01-01',
  periodEnd,
  dueDate: due,
});
const daily = (day: string): Deadline => ({
  scheduleId: 'd',
  name: '集中行动日报',
  kind: 'daily',
  periodStart: day,
  periodEnd: day,
  dueDate: day,
  dueTime: '12:00',
});

// The seed-001 shape (phases, concentrated windows with daily reports) on the seed-004 dates.
const campaign: ScheduleCampaign = {
  startDate: '2026-05-14',
  endDate: '2026-12-15',
  issueDate: '2026-05-14',
  phases: [
    { name: '动员部署', startDate: '2026-05-14', endDate: '2026-05-31', description: '' },
    { name: '集中整治', startDate: '2026-06-01', endDate: '2026-11-30', description: '' },
  ],
  concentratedWindows: [{ name: '第一次集中行动', startDate: '2026-07-01', endDate: '2026-07-03' }],
  liaisonDeadline: '2026-05-17',
  deadlines: [
    monthly('2026-06-02', '2026-05-31'),
    daily('2026-07-01'),
    daily('2026-07-02'),
    daily('2026-07-03'),
    monthly('2026-07-02', '2026-06-30'),
  ],
};

describe('buildSchedule', () => {
  const items = buildSchedule(campaign, '2026-06-15');

  it('lists every dated thing in date order with today among them', () => {
    expect(items.map((i) => `${i.start} ${i.kind}${i.name ? ` ${i.name}` : ''}`)).toEqual([
      '2026-05-14 start',
      '2026-05-14 phase 动员部署',
      '2026-05-17 liaison',
      '2026-06-01 phase 集中整治',
      '2026-06-02 report 案件统计表（累计）',
      '2026-06-15 today',
      '2026-07-01 window 第一次集中行动',
      '2026-07-01 report 集中行动日报',
      '2026-07-02 report 案件统计表（累计）',
      '2026-12-15 end',
    ]);
  });

  it('folds a window of daily reports into one item', () => {
    const dailyItem = items.find((i) => i.name === '集中行动日报')!;
    expect(dailyItem).toMatchObject({ start: '2026-07-01', end: '2026-07-03', count: 3, dueTime: '12:00' });
    expect(dailyItem.periodStart).toBeUndefined();
  });

  it('keeps the period a report covers', () => {
    expect(items.find((i) => i.key === 'report-m-2026-07-02')).toMatchObject({
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
    });
  });

  it('shows the quarter a quarterly report covers (seed 004: 7月2日 for the second quarter)', () => {
    const quarterly: Deadline = {
      scheduleId: 'q',
      name: '季度案件查办和宣传工作开展情况',
      kind: 'dates',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      dueDate: '2026-07-02',
    };
    const withQuarter = buildSchedule({ ...campaign, deadlines: [...campaign.deadlines, quarterly] }, '2026-06-15');
    expect(withQuarter.find((i) => i.key === 'report-q-2026-07-02')).toMatchObject({
      start: '2026-07-02',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
    });
  });

  it('marks items past, current or upcoming against today', () => {
    const state = (kind: string, name = '') => items.find((i) => i.kind === kind && i.name === name)?.state;
    expect(state('liaison')).toBe('past');
    expect(state('phase', '动员部署')).toBe('past');
    expect(state('phase', '集中整治')).toBe('current');
    expect(state('window', '第一次集中行动')).toBe('upcoming');
    expect(state('today')).toBe('current');
  });

  it('finds the next deadline to chase', () => {
    expect(nextDeadline(items)?.key).toBe('report-d-2026-07-01');
    expect(nextDeadline(buildSchedule(campaign, '2026-12-31'))).toBeUndefined();
  });

  it('splits daily reports of two windows that do not touch', () => {
    const two = buildSchedule(
      { ...campaign, deadlines: [daily('2026-07-01'), daily('2026-07-02'), daily('2026-08-01')] },
      '2026-06-01',
    );
    expect(two.filter((i) => i.kind === 'report').map((i) => [i.start, i.end, i.count])).toEqual([
      ['2026-07-01', '2026-07-02', 2],
      ['2026-08-01', '2026-08-01', undefined],
    ]);
  });

  it('works for a plan with no phases, windows or deadlines', () => {
    const bare = buildSchedule(
      { ...campaign, phases: [], concentratedWindows: [], deadlines: [], liaisonDeadline: null },
      '2026-01-01',
    );
    expect(bare.map((i) => i.kind)).toEqual(['today', 'start', 'end']);
  });
});

describe('chart geometry', () => {
  it('counts days between dates across months', () => {
    expect(daysBetween('2026-05-14', '2026-05-14')).toBe(0);
    expect(daysBetween('2026-05-31', '2026-06-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('spans every item and today', () => {
    const items = buildSchedule(campaign, '2027-01-10');
    expect(scheduleSpan(items)).toEqual({ start: '2026-05-14', end: '2027-01-10', days: 242 });
  });

  it('places bars as percentages of the span, clamped to it', () => {
    const span = { start: '2026-01-01', days: 10 };
    expect(barPosition(span, '2026-01-01', '2026-01-10')).toEqual({ left: 0, width: 100 });
    expect(barPosition(span, '2026-01-03', '2026-01-03')).toEqual({ left: 20, width: 10 });
    expect(barPosition(span, '2025-12-01', '2026-01-02')).toEqual({ left: 0, width: 20 });
    expect(barPosition({ start: '', days: 0 }, '2026-01-01', '2026-01-02')).toEqual({ left: 0, width: 0 });
  });

  it('puts a tick on the first of each month inside the span', () => {
    const ticks = monthTicks({ start: '2026-05-14', end: '2026-08-01', days: 80 });
    expect(ticks.map((x) => x.date)).toEqual(['2026-06-01', '2026-07-01', '2026-08-01']);
    expect(ticks[0].left).toBeCloseTo((18 / 80) * 100);
    expect(monthTicks({ start: '2026-12-20', end: '2027-01-05', days: 17 }).map((x) => x.date)).toEqual(['2027-01-01']);
    expect(monthTicks({ start: '', end: '', days: 0 })).toEqual([]);
  });
});
