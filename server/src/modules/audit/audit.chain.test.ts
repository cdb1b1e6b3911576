import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, keyedEntryHash } from './audit.chain';

describe('audit chain hashing', () => {
  const entry = {
    seq: 1,
    at: new Date('2026-02-10T08:00:00.000Z'),
    actorUserId: null,
    actorName: '系统',
    unitId: null,
    action: 'unit.create',
    recordType: 'unit',
    recordId: 'u1',
    before: null,
    after: { name: '崇明区局', code: 'CM', nested: { b: 1, a: [2, 1] } },
  };

  it('hashes the same value the same whatever its key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    const reordered = { ...entry, after: { nested: { a: [2, 1], b: 1 }, code: 'CM', name: '崇明区局' } };
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, entry));
  });

  it('changes with any field, and with the previous hash', () => {
    const h = entryHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, { ...entry, after: { ...entry.after, name: '崇明区局2' } })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...entry, seq: 2 })).not.toBe(h);
    expect(entryHash('f'.repeat(64), entry)).not.toBe(h);
  });

  it('keyed (version 2): covers the request id and the previous hash, and needs the key', () => {
    const key = Buffer.alloc(32, 1);
    const keyed = { ...entry, requestId: 'r-1', prevHash: GENESIS_HASH };
    const h = keyedEntryHash(key, keyed);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedEntryHash(key, { ...keyed, requestId: 'r-2' })).not.toBe(h);
    expect(keyedEntryHash(key, { ...keyed, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(keyedEntryHash(Buffer.alloc(32, 2), keyed)).not.toBe(h);
    expect(h).not.toBe(entryHash(GENESIS_HASH, entry));
  });
});
