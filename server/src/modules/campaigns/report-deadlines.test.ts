import { describe, expect, it } from 'vitest';
import { owedAfterPublication, pastDeadlineCount, reportDeadlines } from './report-deadlines';

describe('report deadlines', () => {
  it('monthly cumulative by the 2nd (seed 004): the report due 2 May covers 1 Jan – 30 Apr; none falls due after the end', () => {
    const d = reportDeadlines({
      startDate: '2021-05-14',
      endDate: '2021-12-15',
      concentratedWindows: [],
      reportSchedules: [{ id: 'm', kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: true }],
    });
    // The plan ends on 15 December with its full-year figures: no “December” report on 2 January.
    expect(d.map((x) => x.dueDate)).toEqual([
      '2021-06-02',
      '2021-07-02',
      '2021-08-02',
      '2021-09-02',
      '2021-10-02',
      '2021-11-02',
      '2021-12-02',
    ]);
    expect(d[0]).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2021-05-31' });
    expect(d.at(-1)).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2021-11-30' });
  });

  it('monthly: the last month’s report after the end only when the plan asks for it (afterEnd)', () => {
    const plan = (afterEnd?: boolean) => ({
      startDate: '2013-05-15',
      endDate: '2013-11-30',
      concentratedWindows: [],
      reportSchedules: [
        {
          id: 'm',
          kind: 'monthly' as const,
          name: '月报',
          dayOfMonth: 5,
          cumulative: false,
          ...(afterEnd === undefined ? {} : { afterEnd }),
        },
      ],
    });
    expect(reportDeadlines(plan()).at(-1)).toMatchObject({
      periodStart: '2013-10-01',
      periodEnd: '2013-10-31',
      dueDate: '2013-11-05',
    });
    expect(reportDeadlines(plan(false))).toEqual(reportDeadlines(plan()));
    const withLast = reportDeadlines(plan(true));
    expect(withLast).toHaveLength(reportDeadlines(plan()).length + 1);
    expect(withLast[0]).toMatchObject({ periodStart: '2013-05-15', periodEnd: '2013-05-31', dueDate: '2013-06-05' });
    expect(withLast.at(-1)).toMatchObject({
      periodStart: '2013-11-01',
      periodEnd: '2013-11-30',
      dueDate: '2013-12-05',
    });
  });

  it('weekly on Thursday 15:00 and daily 12:00 inside the concentrated windows (seed 001)', () => {
    const d = reportDeadlines({
      startDate: '2016-12-01',
      endDate: '2017-02-28',
      concentratedWindows: [{ name: '第一次集中行动', startDate: '2016-12-19', endDate: '2016-12-23' }],
      reportSchedules: [
        { id: 'w', kind: 'weekly', name: '周报', weekday: 4, time: '15:00' },
        { id: 'd', kind: 'daily', name: '日报', time: '12:00', withinWindows: true },
      ],
    });
    const weekly = d.filter((x) => x.kind === 'weekly');
    expect(weekly[0]).toMatchObject({ dueDate: '2016-12-01', dueTime: '15:00' }); // 1 Dec 2016 was a Thursday
    expect(weekly[1]).toMatchObject({ periodStart: '2016-12-02', periodEnd: '2016-12-08', dueDate: '2016-12-08' });
    expect(weekly).toHaveLength(13);
    expect(d.filter((x) => x.kind === 'daily').map((x) => x.dueDate)).toEqual([
      '2016-12-19',
      '2016-12-20',
      '2016-12-21',
      '2016-12-22',
      '2016-12-23',
    ]);
    expect(d.map((x) => x.dueDate)).toEqual([...d.map((x) => x.dueDate)].sort());
  });

  it('fixed dates (stage summaries, final summary)', () => {
    const d = reportDeadlines({
      startDate: '2016-12-01',
      endDate: '2017-02-28',
      concentratedWindows: [],
      reportSchedules: [{ id: 's', kind: 'dates', name: '阶段小结', dates: ['2017-01-17', '2016-12-27'] }],
    });
    expect(d).toEqual([
      {
        scheduleId: 's',
        name: '阶段小结',
        kind: 'dates',
        periodStart: '2016-12-01',
        periodEnd: '2016-12-27',
        dueDate: '2016-12-27',
      },
      {
        scheduleId: 's',
        name: '阶段小结',
        kind: 'dates',
        periodStart: '2016-12-28',
        periodEnd: '2017-01-17',
        dueDate: '2017-01-17',
      },
    ]);
  });

  it('fixed dates covering the quarter before each date (seed 004: 7月2日、10月2日 for the 2nd and 3rd quarters)', () => {
    const d = reportDeadlines({
      startDate: '2021-05-14',
      endDate: '2021-12-15',
      concentratedWindows: [],
      reportSchedules: [
        { id: 'q', kind: 'dates', name: '季度', dates: ['2021-10-02', '2021-07-02'], covers: 'quarter' },
      ],
    });
    // The whole second quarter, though the campaign began on 14 May: the plan asks for 第二季度.
    expect(d.map((x) => [x.periodStart, x.periodEnd, x.dueDate])).toEqual([
      ['2021-04-01', '2021-06-30', '2021-07-02'],
      ['2021-07-01', '2021-09-30', '2021-10-02'],
    ]);
  });

  it('the quarter before a date: the last day of a quarter still reports the one before; January the last of the year before', () => {
    const quarter = (due: string, endDate = '2022-12-31') =>
      reportDeadlines({
        startDate: '2021-01-01',
        endDate,
        concentratedWindows: [],
        reportSchedules: [{ id: 'q', kind: 'dates', name: '季度', dates: [due], covers: 'quarter' }],
      }).map((x) => [x.periodStart, x.periodEnd]);
    expect(quarter('2021-06-30')).toEqual([['2021-01-01', '2021-03-31']]);
    expect(quarter('2021-07-01')).toEqual([['2021-04-01', '2021-06-30']]);
    expect(quarter('2022-01-05')).toEqual([['2021-10-01', '2021-12-31']]);
    // The campaign ended inside the quarter: up to its end; ended before it began: nothing is owed.
    expect(quarter('2021-10-02', '2021-08-15')).toEqual([['2021-07-01', '2021-08-15']]);
    expect(quarter('2021-10-02', '2021-06-15')).toEqual([]);
  });

  it('fixed dates covering the year to date (seed 004: 12月15日前报送全年汇总数据): 1 January to the day before', () => {
    const yearToDate = (dates: string[], endDate = '2021-12-15') =>
      reportDeadlines({
        startDate: '2021-05-14',
        endDate,
        concentratedWindows: [],
        reportSchedules: [{ id: 'y', kind: 'dates', name: '全年', dates, covers: 'yearToDate' }],
      }).map((x) => [x.periodStart, x.periodEnd, x.dueDate]);
    expect(yearToDate(['2021-12-15'])).toEqual([['2021-01-01', '2021-12-14', '2021-12-15']]);
    expect(yearToDate(['2021-07-10', '2021-12-15'])).toEqual([
      ['2021-01-01', '2021-07-09', '2021-07-10'],
      ['2021-01-01', '2021-12-14', '2021-12-15'],
    ]);
    // Due after the end: up to the end; due in January after a campaign that ended in December: that year.
    expect(yearToDate(['2021-12-20'], '2021-11-30')).toEqual([['2021-01-01', '2021-11-30', '2021-12-20']]);
    expect(yearToDate(['2022-01-10'], '2021-12-31')).toEqual([['2021-01-01', '2021-12-31', '2022-01-10']]);
  });

  it('the default for fixed dates is since the previous date, as for plans stored before the rule existed', () => {
    const plan = (covers?: 'sincePrevious') => ({
      startDate: '2016-12-01',
      endDate: '2017-02-28',
      concentratedWindows: [],
      reportSchedules: [
        {
          id: 's',
          kind: 'dates' as const,
          name: '阶段小结',
          dates: ['2016-12-27', '2017-01-17'],
          ...(covers ? { covers } : {}),
        },
      ],
    });
    expect(reportDeadlines(plan('sincePrevious'))).toEqual(reportDeadlines(plan()));
  });

  it('a plan past its end owes no report whose period starts after the end, and one report per period', () => {
    const d = reportDeadlines({
      startDate: '2021-05-14',
      endDate: '2021-12-15',
      concentratedWindows: [],
      reportSchedules: [
        { id: 's', kind: 'dates', name: '小结', dates: ['2021-12-10', '2021-12-20', '2021-12-30'] },
        { id: 'q', kind: 'dates', name: '季度', dates: ['2021-07-02', '2021-08-02', '2022-04-02'], covers: 'quarter' },
      ],
    });
    expect(d.filter((x) => x.scheduleId === 's').map((x) => [x.periodStart, x.periodEnd, x.dueDate])).toEqual([
      ['2021-05-14', '2021-12-10', '2021-12-10'],
      ['2021-12-11', '2021-12-15', '2021-12-20'],
    ]);
    expect(d.filter((x) => x.scheduleId === 'q').map((x) => [x.periodEnd, x.dueDate])).toEqual([
      ['2021-06-30', '2021-07-02'],
    ]);
  });

  it('a plan past its end generates no duty for a period starting after it, whatever the schedule', () => {
    const d = reportDeadlines({
      startDate: '2021-03-01',
      endDate: '2021-04-10',
      concentratedWindows: [{ name: '集中', startDate: '2021-04-08', endDate: '2021-04-20' }],
      reportSchedules: [
        { id: 'm', kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: false, afterEnd: true },
        { id: 'w', kind: 'weekly', name: '周报', weekday: 5, time: '15:00' },
        { id: 'd', kind: 'daily', name: '日报', time: '12:00', withinWindows: true },
      ],
    });
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.periodStart <= '2021-04-10' && x.periodEnd <= '2021-04-10')).toBe(true);
    // The April report (afterEnd) is the last: no May one, however long the plan stays open.
    expect(d.filter((x) => x.scheduleId === 'm').map((x) => x.dueDate)).toEqual(['2021-04-02', '2021-05-02']);
  });

  describe('a plan published after some reports fell due', () => {
    const plan = {
      startDate: '2026-01-01',
      endDate: '2026-12-15',
      concentratedWindows: [],
      reportSchedules: [{ id: 'm', kind: 'monthly' as const, name: '月报', dayOfMonth: 2, cumulative: false }],
    };
    // 2026-05-01 20:00 UTC is 2 May 04:00 in Beijing: published on 2 May, China time.
    const publishedAt = new Date('2026-05-01T20:00:00Z');

    it('owes only the reports due on or after the day of publication, by default', () => {
      const d = reportDeadlines({ ...plan, publishedAt, owesPastPeriods: false });
      expect(d[0].dueDate).toBe('2026-05-02');
      expect(d).toHaveLength(reportDeadlines(plan).length - 3);
    });

    it('owes the past ones too when the office chose so (补报已过期次)', () => {
      expect(reportDeadlines({ ...plan, publishedAt, owesPastPeriods: true })).toEqual(reportDeadlines(plan));
    });

    it('a plan published before the publication was kept (publishedAt null) owes every deadline, as before', () => {
      expect(reportDeadlines({ ...plan, publishedAt: null, owesPastPeriods: false })).toEqual(reportDeadlines(plan));
      expect(owedAfterPublication({ publishedAt: null })({ dueDate: '2000-01-01' })).toBe(true);
    });

    it('counts the deadlines already past, whatever was chosen: what the publish dialog asks about', () => {
      expect(pastDeadlineCount(plan, '2026-05-02')).toBe(3);
      expect(pastDeadlineCount({ ...plan, publishedAt, owesPastPeriods: false }, '2026-05-03')).toBe(4);
      expect(pastDeadlineCount(plan, '2026-01-01')).toBe(0);
    });
  });
});
