import { describe, expect, it } from 'vitest';
import { passRateRow, passRateText } from './pass-rate';

describe('passRateText', () => {
  it('writes seed 002: 16 batches, 2 failed → 87.5%', () => {
    expect(passRateText(16, 2)).toBe('87.5%');
  });

  it('drops trailing zeros and keeps whole rates whole', () => {
    expect(passRateText(10, 0)).toBe('100%');
    expect(passRateText(4, 1)).toBe('75%');
    expect(passRateText(5, 5)).toBe('0%');
    expect(passRateText(40, 1)).toBe('97.5%');
  });

  it('rounds half up to two decimals from the integers', () => {
    expect(passRateText(3, 1)).toBe('66.67%');
    expect(passRateText(3, 2)).toBe('33.33%');
    expect(passRateText(8, 1)).toBe('87.5%');
    // 1/16 passed = 6.25% exactly; 1/32 = 3.125% → 3.13% (half up).
    expect(passRateText(16, 15)).toBe('6.25%');
    expect(passRateText(32, 31)).toBe('3.13%');
    // 199999/200000 = 99.9995% → 100% (rounded), 1999/2000 = 99.95%.
    expect(passRateText(200000, 1)).toBe('100%');
    expect(passRateText(2000, 1)).toBe('99.95%');
  });

  it('has no rate without a tested batch and refuses impossible counts', () => {
    expect(passRateText(0, 0)).toBeNull();
    expect(() => passRateText(2, 3)).toThrow(RangeError);
    expect(() => passRateText(-1, 0)).toThrow(RangeError);
    expect(() => passRateText(1.5, 0)).toThrow(RangeError);
  });

  it('makes a row with passed and pending beside the rate', () => {
    expect(passRateRow({ tested: 16, failed: 2, pending: 3 })).toEqual({
      tested: 16,
      failed: 2,
      passed: 14,
      pending: 3,
      rate: '87.5%',
    });
  });
});
