import { describe, expect, it } from 'vitest';
import { diffRecords, recordLabel, stableStringify } from './diff';

describe('diffRecords', () => {
  it('marks the changed fields of an update', () => {
    const rows = diffRecords(
      { name: '城桥所', code: 'CM-CQS', version: 1, roles: ['a', 'b'] },
      { name: '城桥市场监管所', code: 'CM-CQS', version: 2, roles: ['a', 'b'] },
    );
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['name', true],
      ['code', false],
      ['version', true],
      ['roles', false],
    ]);
    expect(rows[0]).toMatchObject({ before: '城桥所', after: '城桥市场监管所' });
  });

  it('treats every field of a creation as changed', () => {
    const rows = diffRecords(null, { name: '新河市场监管所', active: true });
    expect(rows).toEqual([
      { field: 'name', before: undefined, after: '新河市场监管所', changed: true },
      { field: 'active', before: undefined, after: true, changed: true },
    ]);
  });

  it('keeps the order of before, then the fields only after has', () => {
    expect(diffRecords({ b: 1, a: 1 }, { c: 1, a: 2, b: 1 }).map((r) => r.field)).toEqual(['b', 'a', 'c']);
  });

  it('compares nested values by content, not by key order', () => {
    const [row] = diffRecords({ x: { p: 1, q: [1, 2] } }, { x: { q: [1, 2], p: 1 } });
    expect(row.changed).toBe(false);
    expect(diffRecords({ x: [1, 2] }, { x: [2, 1] })[0].changed).toBe(true);
  });

  it('returns nothing when neither side was recorded, and a row for a scalar', () => {
    expect(diffRecords(null, undefined)).toEqual([]);
    expect(diffRecords(undefined, 'text')).toEqual([{ field: '', before: undefined, after: 'text', changed: true }]);
  });

  it('flags a field that became null', () => {
    expect(diffRecords({ divisionCode: '310151' }, { divisionCode: null })[0].changed).toBe(true);
  });
});

describe('stableStringify', () => {
  it('sorts object keys at every level', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":1}');
  });
});

describe('recordLabel', () => {
  it('names units, users and calendar days', () => {
    expect(recordLabel(null, { name: '新河市场监管所', code: 'X' })).toBe('新河市场监管所');
    expect(recordLabel({ displayName: '陈立', username: 'cm_admin' }, null)).toBe('陈立（cm_admin）');
    expect(recordLabel(null, { day: '2026-10-09', name: '国庆调休' })).toBe('2026-10-09 国庆调休');
    expect(recordLabel(null, { address: '127.0.0.1' })).toBeUndefined();
  });
});
