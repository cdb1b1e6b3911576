import { describe, expect, it } from 'vitest';
import { translator } from '../../locales/i18n';
import { formatRate } from '../../lib/format';
import { drawSize, formatPercent } from './draw-text';
import { toDrawBody } from './DrawCreateModal';

const t = translator('zh-CN');

describe('how a draw is described', () => {
  it('says a share in percent and a count in 户', () => {
    expect(drawSize(t, { share: 0.05 })).toBe('抽取 5%');
    expect(drawSize(t, { share: 0.125 })).toBe('抽取 12.5%');
    expect(drawSize(t, { count: 12 })).toBe('抽取 12 户');
    expect(formatPercent(0.0333)).toBe('3.33');
  });

  it('shows a rate with two decimals, and a dash when there is nothing to divide by', () => {
    expect(formatRate(0.05)).toBe('5.00%');
    expect(formatRate(0.8333)).toBe('83.33%');
    expect(formatRate(1)).toBe('100.00%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('the draw form becomes the request', () => {
  const base = { unitId: 'u', name: '第一批', percent: 5, count: 10 };
  it('sends a percentage as a fraction and leaves out the count', () => {
    expect(toDrawBody(base, 'share')).toEqual({
      unitId: 'u',
      campaignId: null,
      name: '第一批',
      industry: null,
      riskLevels: [],
      divisionCode: null,
      share: 0.05,
    });
  });
  it('sends a count without a share, and trims the filters', () => {
    const body = toDrawBody(
      { ...base, industry: ' 餐饮 ', divisionCode: '  ', riskLevels: ['high'], campaignId: 'c' },
      'count',
    );
    expect(body).toEqual({
      unitId: 'u',
      campaignId: 'c',
      name: '第一批',
      industry: '餐饮',
      riskLevels: ['high'],
      divisionCode: null,
      count: 10,
    });
    expect('share' in body).toBe(false);
  });
});
