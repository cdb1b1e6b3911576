import { describe, expect, it } from 'vitest';
import { gaugeScale, kpiForUnit, kpiVerdict, listLink, niceCeil, timelinessBars, type GaugeKpi } from './panel-figures';

const kpi = (over: Partial<GaugeKpi>): GaugeKpi => ({
  comparator: '>=',
  target: 90,
  unit: '%',
  ongoing: false,
  total: { actual: 80, met: false },
  ...over,
});

describe('kpiVerdict', () => {
  it('says 达标, 未达标, 进行中 while the period runs, and no data without a total', () => {
    expect(kpiVerdict(kpi({ total: { actual: 95, met: true } }))).toBe('met');
    expect(kpiVerdict(kpi({}))).toBe('missed');
    expect(kpiVerdict(kpi({ ongoing: true }))).toBe('ongoing');
    expect(kpiVerdict(kpi({ total: null }))).toBe('noData');
    expect(kpiVerdict(kpi({ total: { actual: null, met: null } }))).toBe('noData');
  });
});

describe('kpiForUnit', () => {
  const judged = {
    ...kpi({}),
    rows: [
      { unitId: 'a', unitName: '崇明区局', actual: 95, met: true },
      { unitId: 'b', unitName: '浦东新区局', actual: 40, met: false },
    ],
  };
  it('shows a judged unit’s own figure when the header chose it, and says whose', () => {
    const k = kpiForUnit(judged, 'b');
    expect(k.total).toMatchObject({ actual: 40, met: false });
    expect(k.unitId).toBe('b');
    expect(k.unitName).toBe('浦东新区局');
    expect(kpiVerdict(k)).toBe('missed');
  });
  it('keeps the total for no unit or a unit that is not judged (the user’s own, a 所 below)', () => {
    expect(kpiForUnit(judged, undefined).total).toEqual({ actual: 80, met: false });
    const other = kpiForUnit(judged, 'x');
    expect(other.total).toEqual({ actual: 80, met: false });
    expect(other.unitId).toBeUndefined();
  });
});

describe('gaugeScale', () => {
  it('runs a percentage to 100 and greens the band at and above a ≥ target', () => {
    expect(gaugeScale(kpi({}))).toEqual({
      max: 100,
      bands: [
        [0.9, 'missed'],
        [1, 'met'],
      ],
    });
  });
  it('greens the band below a ≤ target, on a round scale above target and actual', () => {
    const s = gaugeScale(kpi({ comparator: '<=', target: 30, unit: '天', total: { actual: 45, met: false } }));
    expect(s.max).toBe(100); // 45 × 1.2 = 54 → 100
    expect(s.bands).toEqual([
      [0.3, 'met'],
      [1, 'missed'],
    ]);
  });
  it('stretches a percentage beyond 100 when the actual exceeds it', () => {
    expect(gaugeScale(kpi({ total: { actual: 130, met: true } })).max).toBe(200);
  });
});

describe('niceCeil', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.7, 3, 12, 54, 120, 1000].map(niceCeil)).toEqual([1, 1, 5, 20, 100, 200, 1000]);
  });
});

describe('timelinessBars', () => {
  it('puts the lowest rate first, units with nothing due last, rates in percent', () => {
    const bars = timelinessBars(
      [
        { unitId: 'a', unitLabel: '甲' },
        { unitId: 'b', unitLabel: '乙' },
        { unitId: 'c', unitLabel: '丙' },
      ],
      [
        { unitId: 'a', expected: 4, onTime: 4, late: 0, missing: 0, onTimeRate: 1 },
        { unitId: 'b', expected: 0, onTime: 0, late: 0, missing: 0, onTimeRate: null },
        { unitId: 'c', expected: 3, onTime: 2, late: 1, missing: 0, onTimeRate: 0.6667 },
      ],
    );
    expect(bars.map((b) => [b.label, b.ratePercent])).toEqual([
      ['丙', 66.67],
      ['甲', 100],
      ['乙', null],
    ]);
  });
});

describe('listLink', () => {
  it('keeps only the filters that are set', () => {
    expect(listLink('/cases', { campaignId: 'x', unitId: undefined, dueSoon: 'true' })).toBe(
      '/cases?campaignId=x&dueSoon=true',
    );
    expect(listLink('/leads', {})).toBe('/leads');
  });
});
