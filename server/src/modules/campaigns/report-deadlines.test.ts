import { describe, expect, it } from 'vitest';
import { reportDeadlines } from './report-deadlines';

describe('report deadlines', () => {
  it('monthly cumulative by the 2nd (seed 004): the report due 2 May covers 1 Jan – 30 Apr', () => {
    const d = reportDeadlines({
      startDate: '2021-05-14',
      endDate: '2021-12-15',
      concentratedWindows: [],
      reportSchedules: [{ id: 'm', kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: true }],
    });
    expect(d.map((x) => x.dueDate)).toEqual(['2021-06-02', '2021-07-02', '2021-08-02', '2021-09-02', '2021-10-02', '2021-11-02', '2021-12-02', '2022-01-02']);
    expect(d[0]).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2021-05-31' });
    expect(d.at(-1)).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2021-12-15' });
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
    expect(d.filter((x) => x.kind === 'daily').map((x) => x.dueDate)).toEqual(['2016-12-19', '2016-12-20', '2016-12-21', '2016-12-22', '2016-12-23']);
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
      { scheduleId: 's', name: '阶段小结', kind: 'dates', periodStart: '2016-12-01', periodEnd: '2016-12-27', dueDate: '2016-12-27' },
      { scheduleId: 's', name: '阶段小结', kind: 'dates', periodStart: '2016-12-28', periodEnd: '2017-01-17', dueDate: '2017-01-17' },
    ]);
  });
});
