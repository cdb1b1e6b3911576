import { describe, expect, it } from 'vitest';
import { pointsOf, ranksOf, scoreUnits, type SchemeIndicator } from './scorecard';

const ind = (rule: SchemeIndicator['rule'], extra: Partial<SchemeIndicator> = {}): SchemeIndicator => ({
  kind: 'k',
  label: '指标',
  weight: 20,
  rule,
  ...extra,
});

describe('scorecard kernel', () => {
  it('ranks highest first, ties sharing a rank', () => {
    expect(ranksOf([5, 9, 5, 1])).toEqual([2, 1, 2, 4]);
    expect(ranksOf([])).toEqual([]);
  });

  it('share_of_max gives the value over the highest, nothing when nobody has any', () => {
    expect(pointsOf(ind('share_of_max'), [10, 5, 0])).toEqual([20, 10, 0]);
    expect(pointsOf(ind('share_of_max'), [0, 0])).toEqual([0, 0]);
    expect(pointsOf(ind('share_of_max', { weight: 10 }), [3, 1])).toEqual([10, 3.33]);
  });

  it('rank is linear from the weight to 0, ties sharing', () => {
    expect(pointsOf(ind('rank'), [3, 1, 2])).toEqual([20, 0, 10]);
    expect(pointsOf(ind('rank'), [3, 3, 1])).toEqual([20, 20, 0]);
    expect(pointsOf(ind('rank'), [4])).toEqual([20]);
    expect(pointsOf(ind('rank'), [0, 0])).toEqual([0, 0]);
    // Nothing to show earns nothing, whatever rank the zeros share.
    expect(pointsOf(ind('rank'), [5, 0, 0, 0])).toEqual([20, 0, 0, 0]);
  });

  it('target caps at the weight', () => {
    expect(pointsOf(ind('target', { target: 0.8 }), [0.4, 0.8, 1])).toEqual([10, 20, 20]);
    expect(pointsOf(ind('target', { target: 0 }), [1])).toEqual([0]);
  });

  it('per_record gives points each, capped at the weight', () => {
    expect(pointsOf(ind('per_record', { pointsEach: 5 }), [0, 2, 7])).toEqual([0, 10, 20]);
  });

  it('totals and ranks the units', () => {
    const values: Record<string, Record<string, number>> = {
      a: { x: 10, y: 0.5 },
      b: { x: 5, y: 1 },
      c: { x: 0, y: 0 },
    };
    const rows = scoreUnits(
      [
        { kind: 'x', label: 'X', weight: 40, rule: 'share_of_max' },
        { kind: 'y', label: 'Y', weight: 20, rule: 'target', target: 1 },
      ],
      ['a', 'b', 'c'],
      (k, u) => values[u][k],
    );
    expect(rows.map((r) => [r.unitId, r.total, r.rank])).toEqual([
      ['a', 50, 1],
      ['b', 40, 2],
      ['c', 0, 3],
    ]);
    expect(rows[1].scores).toEqual({ x: 20, y: 20 });
  });
});
