import { describe, expect, it } from 'vitest';
import { campaignMonths, entryDays, stateKey, yuanToWan } from './figures';

describe('万元 from 元, exactly', () => {
  it('rounds half up on whole fen', () => {
    expect(yuanToWan('12345.67')).toBe('1.23');
    expect(yuanToWan('15000.00')).toBe('1.50');
    expect(yuanToWan('14999.99')).toBe('1.50');
    expect(yuanToWan('14949.99')).toBe('1.49');
    expect(yuanToWan('0.00')).toBe('0.00');
    expect(yuanToWan('123456789012.34')).toBe('12345678.90');
    expect(yuanToWan('12345.67', 6)).toBe('1.234567');
    expect(yuanToWan('-50.00')).toBe('-0.01');
  });

  it('shows sums beyond 2^53 fen (as the API sends them, exact 元 text) exact to the last digit', () => {
    expect(yuanToWan('90071992547409.93', 6)).toBe('9007199254.740993');
    expect(yuanToWan('199999999999999.82')).toBe('20000000000.00');
    expect(yuanToWan('199999999999949.82')).toBe('19999999999.99');
  });
});

describe('board labels and months', () => {
  it('names a late submission as such', () => {
    expect(stateKey('submitted', true)).toBe('reports.state.submittedLate');
    expect(stateKey('accepted', false)).toBe('reports.state.accepted');
    expect(stateKey('missing', false)).toBe('reports.state.missing');
  });
  it('lists the months of a campaign up to today, newest first', () => {
    expect(campaignMonths('2026-03-01', '2026-12-15', '2026-05-10')).toEqual(['2026-05', '2026-04', '2026-03']);
    expect(campaignMonths('2025-11-20', '2026-01-10', '2026-06-01')).toEqual(['2026-01', '2025-12', '2025-11']);
  });
});

describe('the days a figure entered from a report may bear', () => {
  const week = { periodStart: '2026-03-27', periodEnd: '2026-04-02' };
  it('lie inside the period, the last day offered first', () => {
    const days = entryDays(week, '2026-05-10');
    expect(days.initial).toBe('2026-04-02');
    expect(['2026-03-26', '2026-03-27', '2026-04-02', '2026-04-03'].map(days.allowed)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
  it('stop at today while the period runs', () => {
    const days = entryDays(week, '2026-03-30');
    expect(days.initial).toBe('2026-03-30');
    expect(days.allowed('2026-03-31')).toBe(false);
    expect(days.allowed('2026-03-30')).toBe(true);
  });
});
