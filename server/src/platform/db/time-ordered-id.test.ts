import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

describe('timeOrderedId', () => {
  it('is a version 7 UUID: the time first, so later ids sort after earlier ones', () => {
    const a = timeOrderedId(Date.UTC(2026, 11, 6, 15, 0, 0));
    const b = timeOrderedId(Date.UTC(2026, 11, 6, 15, 0, 0) + 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.slice(0, 13)).toBe('01a24bde-7580');
    expect(a < b).toBe(true);
  });

  it('keeps the random part: ids of the same millisecond differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1_796_000_000_000)));
    expect(ids.size).toBe(1000);
  });
});
