import { describe, expect, it } from 'vitest';
import { todayIso } from './today';

describe('todayIso', () => {
  it("writes China's date, whatever the browser's time zone", () => {
    // 2026-01-05 16:30 UTC is already 2026-01-06 00:30 in Beijing.
    expect(todayIso(new Date(Date.UTC(2026, 0, 5, 16, 30)))).toBe('2026-01-06');
    // 2026-01-05 15:59 UTC is still 23:59 on the 5th in Beijing.
    expect(todayIso(new Date(Date.UTC(2026, 0, 5, 15, 59)))).toBe('2026-01-05');
  });

  it('crosses month and year ends in China time', () => {
    expect(todayIso(new Date(Date.UTC(2025, 11, 31, 16, 0)))).toBe('2026-01-01');
    expect(todayIso(new Date(Date.UTC(2026, 1, 28, 16, 0)))).toBe('2026-03-01');
  });

  it('pads month and day', () => {
    expect(todayIso(new Date(Date.UTC(2026, 2, 4, 2, 0)))).toBe('2026-03-04');
  });
});
