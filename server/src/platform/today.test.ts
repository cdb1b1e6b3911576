import { describe, expect, it } from 'vitest';
import { todayInChina } from './today';

describe('todayInChina', () => {
  it('is the date in Beijing, which is a day ahead of UTC before 08:00 Beijing time', () => {
    expect(todayInChina(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
