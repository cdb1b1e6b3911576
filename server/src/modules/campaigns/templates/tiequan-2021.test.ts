import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateToPlan } from '../campaign-templates.service';
import { reportDeadlines } from '../report-deadlines';
import { tiequan2021 } from './tiequan-2021';

/**
 * Seed 004 (004_46f31c07d98c2418.txt: 上海市崇明区市场监督管理局, 2021 铁拳 plan), the sentences that
 * set its reporting, word for word. The seeds live outside the repository (../shared/seeds); when
 * they are there, the first test checks these quotations against the file.
 */
const SEED_004 = {
  file: '004_46f31c07d98c2418.txt',
  /** The covering note's first sentence: the plan's name, with its year. */
  title: '现将《上海市崇明区市场监督管理局2021民生领域案件查办“铁拳”行动方案》印发给你们',
  /** 相关工作要求（六）明确进度安排. */
  quarterly: '7月2日、10月2日前，分别报送第二、三季度案件查办和宣传工作开展情况。',
  /** The note under annex 2, the case statistics table. */
  statistics:
    '请进行累计统计，例如5月2日的统计周期为1月1日至4月30日。请于每月2日前报送。请于12月15日前报送全年汇总数据。',
};
const SEED_FILE = new URL(`../../../../../../shared/seeds/${SEED_004.file}`, import.meta.url);

const pad = (n: number | string) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const match = (s: string, re: RegExp) => {
  const m = s.match(re);
  if (!m) throw new Error(`${re} not in “${s}”`);
  return m;
};

// What the quotations say, read from their words rather than restated.
const year = Number(match(SEED_004.title, /局(\d{4})民生/)[1]);
const monthDay = (s: string) =>
  [...s.matchAll(/(\d{1,2})月(\d{1,2})日/g)].map((m) => `${year}-${pad(m[1])}-${pad(m[2])}`);
const quarterlyDue = monthDay(match(SEED_004.quarterly, /^(.*)前/)[1]);
const quarters = match(SEED_004.quarterly, /第([一二三四、]+)季度/)[1]
  .split('、')
  .map((q) => '一二三四'.indexOf(q) + 1);
const fullYearDue = monthDay(match(SEED_004.statistics, /请于(\d+月\d+日)前报送全年汇总数据/)[1])[0];
const monthlyDay = Number(match(SEED_004.statistics, /每月(\d+)日前报送/)[1]);
const example = monthDay(match(SEED_004.statistics, /例如(.*?)。/)[1]); // [due, from, to]

const plan = templateToPlan(tiequan2021, [], tiequan2021.plan.issuingOrgan, year);
const deadlines = reportDeadlines({
  ...plan,
  reportSchedules: plan.reportSchedules.map((s, i) => ({ ...s, id: `s${i}` })),
});
const ofSchedule = (i: number) =>
  deadlines
    .filter((d) => d.scheduleId === `s${i}`)
    .map((d) => ({ periodStart: d.periodStart, periodEnd: d.periodEnd, dueDate: d.dueDate }));
const scheduleIndex = (name: RegExp) => plan.reportSchedules.findIndex((s) => name.test(s.name));

describe('seed 004 (2021 崇明区铁拳方案): the periods of its reports', () => {
  it('quotes the seed word for word', () => {
    // The seeds are beside the repository on a developer's machine, not in a clone of it alone.
    if (existsSync(SEED_FILE)) {
      const text = readFileSync(SEED_FILE, 'utf8').replace(/\s+/g, '');
      for (const quote of [SEED_004.title, SEED_004.quarterly, SEED_004.statistics]) expect(text).toContain(quote);
    }
    expect([year, quarterlyDue, quarters, fullYearDue, monthlyDay, example]).toEqual([
      2021,
      ['2021-07-02', '2021-10-02'],
      [2, 3],
      '2021-12-15',
      2,
      ['2021-05-02', '2021-01-01', '2021-04-30'],
    ]);
  });

  it('the quarterly reports of 7月2日 and 10月2日 cover the second and third quarters', () => {
    const expected = quarters.map((q, i) => ({
      periodStart: `${year}-${pad(q * 3 - 2)}-01`,
      periodEnd: lastDay(year, q * 3),
      dueDate: quarterlyDue[i],
    }));
    expect(ofSchedule(scheduleIndex(/季度/))).toEqual(expected);
    expect(expected).toEqual([
      { periodStart: '2021-04-01', periodEnd: '2021-06-30', dueDate: '2021-07-02' },
      { periodStart: '2021-07-01', periodEnd: '2021-09-30', dueDate: '2021-10-02' },
    ]);
  });

  it('the full-year figures due 12月15日 cover 1 January to the day before (the unit then has the whole due day to send them)', () => {
    expect(ofSchedule(scheduleIndex(/全年/))).toEqual([
      { periodStart: `${year}-01-01`, periodEnd: dayBefore(fullYearDue), dueDate: fullYearDue },
    ]);
    expect(dayBefore(fullYearDue)).toBe('2021-12-14');
    // The campaign runs to that deadline: nothing after it is owed.
    expect(plan.endDate).toBe(fullYearDue);
  });

  it('the monthly reports are cumulative from 1 January, due on the 2nd, and none falls due after the campaign has ended', () => {
    const monthly = ofSchedule(scheduleIndex(/累计/));
    expect(monthly.length).toBeGreaterThan(0);
    for (const d of monthly) {
      // As the example: due 5月2日, covering 1月1日 to 4月30日 (the end of the month before).
      const [y, m] = [Number(d.dueDate.slice(0, 4)), Number(d.dueDate.slice(5, 7))];
      expect(d).toEqual({
        periodStart: `${y}-01-01`,
        periodEnd: m === 1 ? lastDay(y - 1, 12) : lastDay(y, m - 1),
        dueDate: `${d.dueDate.slice(0, 8)}${pad(monthlyDay)}`,
      });
    }
    expect(example).toEqual([`${year}-05-${pad(monthlyDay)}`, `${year}-01-01`, lastDay(year, 4)]);
    expect(monthly.filter((d) => d.dueDate > plan.endDate)).toEqual([]);
    expect(monthly.map((d) => d.dueDate)).toEqual([
      '2021-06-02',
      '2021-07-02',
      '2021-08-02',
      '2021-09-02',
      '2021-10-02',
      '2021-11-02',
      '2021-12-02',
    ]);
  });

  it('made for another year, the same periods in that year', () => {
    const later = templateToPlan(tiequan2021, [], tiequan2021.plan.issuingOrgan, 2026);
    const d = reportDeadlines({
      ...later,
      reportSchedules: later.reportSchedules.map((s, i) => ({ ...s, id: `s${i}` })),
    }).filter((x) => x.kind === 'dates');
    expect(d.map((x) => [x.periodStart, x.periodEnd, x.dueDate])).toEqual([
      ['2026-04-01', '2026-06-30', '2026-07-02'],
      ['2026-07-01', '2026-09-30', '2026-10-02'],
      ['2026-01-01', '2026-12-14', '2026-12-15'],
    ]);
  });
});
