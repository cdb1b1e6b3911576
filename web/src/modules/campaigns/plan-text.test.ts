import { describe, expect, it } from 'vitest';
import { translator } from '../../locales/i18n';
import { describeSchedule } from './plan-text';

const zh = translator('zh-CN');

describe('describeSchedule', () => {
  it('names what a dated report covers when it is not the time since the previous date (seed 004)', () => {
    const dated = { id: 'q', name: '季度', kind: 'dates' as const, dates: ['2026-07-02', '2026-10-02'] };
    expect(describeSchedule(zh, { ...dated, covers: 'quarter' })).toBe('2026-07-02、2026-10-02 前报送（上一季度）');
    expect(describeSchedule(zh, { ...dated, dates: ['2026-12-15'], covers: 'yearToDate' })).toBe(
      '2026-12-15 前报送（本年累计）',
    );
    expect(describeSchedule(zh, { ...dated, covers: 'sincePrevious' })).toBe(describeSchedule(zh, dated));
    expect(describeSchedule(translator('en-US'), { ...dated, covers: 'quarter' })).toBe(
      'By 2026-07-02、2026-10-02 (Previous quarter)',
    );
  });

  it('says when a monthly report is owed after the campaign has ended', () => {
    const monthly = { id: 'm', name: '月报', kind: 'monthly' as const, dayOfMonth: 5, cumulative: false };
    expect(describeSchedule(zh, { ...monthly, afterEnd: true })).toBe(
      `${describeSchedule(zh, monthly)} · 行动结束后仍报送`,
    );
  });
});
