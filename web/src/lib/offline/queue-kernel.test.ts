import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  classify,
  conflictRows,
  inOrder,
  keepMine,
  newEntry,
  nextToSend,
  queueStatus,
  retryDelay,
  type QueueEntry,
} from './queue-kernel';

const T0 = 1_790_000_000_000;
let n = 0;
const entry = (fields: Partial<QueueEntry> = {}): QueueEntry => ({
  ...newEntry(
    { userId: 'u1', method: 'POST', path: '/api/inspections', body: { staffDeployed: 4 }, label: '检查' },
    T0,
    `e${++n}`,
  ),
  ...fields,
});

describe('the offline queue: order', () => {
  it('sends in the order the entries were made, even when they were made in the same millisecond', () => {
    const a = newEntry({ userId: 'u', method: 'POST', path: '/api/x', body: {}, label: 'a' }, T0, 'a');
    const b = newEntry({ userId: 'u', method: 'POST', path: '/api/x', body: {}, label: 'b' }, T0, 'b');
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(nextToSend([b, a], T0)?.id).toBe('a');
    expect(inOrder([b, a]).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('skips an entry that waits for its retry time, and creations never wait for each other', () => {
    const first = entry({ notBefore: T0 + 5000 });
    const second = entry();
    expect(nextToSend([first, second], T0)?.id).toBe(second.id);
    expect(nextToSend([first, second], T0 + 5000)?.id).toBe(first.id);
  });

  it('never lets a later edit of a record overtake an earlier one that waits or is in conflict', () => {
    const path = '/api/inspections/11111111-1111-4111-8111-111111111111';
    const stuck = entry({ method: 'PUT', path, state: 'conflict' });
    const later = entry({ method: 'PUT', path });
    const other = entry({ method: 'PUT', path: '/api/inspections/22222222-2222-4222-8222-222222222222' });
    expect(nextToSend([stuck, later, other], T0)?.id).toBe(other.id);
    expect(nextToSend([stuck, later], T0)).toBeUndefined();
    const waiting = { ...stuck, state: 'pending' as const, notBefore: T0 + 1000 };
    expect(nextToSend([waiting, later], T0)).toBeUndefined();
  });
});

describe('the offline queue: answers and retries', () => {
  it('classifies the answers', () => {
    expect(classify({ kind: 'sent' })).toBe('sent');
    expect(classify({ kind: 'network' })).toBe('retry');
    expect(classify({ kind: 'answer', status: 201 })).toBe('sent');
    expect(classify({ kind: 'answer', status: 409 })).toBe('conflict');
    expect(classify({ kind: 'answer', status: 422 })).toBe('invalid');
    expect(classify({ kind: 'answer', status: 400 })).toBe('invalid');
    expect(classify({ kind: 'answer', status: 401 })).toBe('login');
    expect(classify({ kind: 'answer', status: 503 })).toBe('retry');
    expect(classify({ kind: 'answer', status: 429 })).toBe('retry');
    expect(classify({ kind: 'answer', status: 403 })).toBe('refused');
    expect(classify({ kind: 'answer', status: 404 })).toBe('refused');
  });

  it('backs off 2 s, 4 s, 8 s … up to five minutes after failures, and keeps the entry pending', () => {
    expect([1, 2, 3].map(retryDelay)).toEqual([2000, 4000, 8000]);
    expect(retryDelay(30)).toBe(300_000);
    const e = entry();
    const once = afterAttempt(e, { kind: 'network' }, T0)!;
    expect(once).toMatchObject({ state: 'pending', attempts: 1, notBefore: T0 + 2000 });
    const twice = afterAttempt(once, { kind: 'answer', status: 502 }, T0 + 2000)!;
    expect(twice).toMatchObject({ state: 'pending', attempts: 2, notBefore: T0 + 6000 });
  });

  it('drops a sent entry, and keeps refusals with the fields the server named', () => {
    expect(afterAttempt(entry(), { kind: 'sent' }, T0)).toBeUndefined();
    const problem = { title: '输入有误', errors: [{ path: 'staffDeployed', message: '出动人次至少为 1' }] };
    expect(afterAttempt(entry(), { kind: 'answer', status: 422, problem }, T0)).toMatchObject({
      state: 'invalid',
      problem,
    });
    expect(afterAttempt(entry(), { kind: 'answer', status: 403, problem }, T0)).toMatchObject({ state: 'refused' });
  });
});

describe('the offline queue: conflicts', () => {
  const path = '/api/inspections/11111111-1111-4111-8111-111111111111';
  const edit = () =>
    entry({
      method: 'PUT',
      path,
      baseVersion: 3,
      body: { staffDeployed: 6, findings: '月饼标签不全', places: ['农贸市场'], version: 3 },
    });
  const server = { id: 'x', staffDeployed: 4, findings: '月饼标签不全', places: ['商场超市'], version: 5 };

  it('returns a creation refused with 409 (a credit code taken meanwhile) to its form, as a 422', () => {
    const problem = { title: '冲突', errors: [{ path: 'creditCode', message: '统一社会信用代码已存在' }] };
    const created = entry({ path: '/api/market-entities', formPath: '/market-entities?new=1' });
    const c = afterAttempt(created, { kind: 'answer', status: 409, problem }, T0)!;
    expect(c).toMatchObject({ state: 'invalid', problem, attempts: 1 });
    expect(c.serverRecord).toBeUndefined();
  });

  it('keeps a 409 with the server record, never resending on its own', () => {
    const c = afterAttempt(edit(), { kind: 'answer', status: 409, problem: { title: '冲突' } }, T0, server)!;
    expect(c).toMatchObject({ state: 'conflict', serverRecord: server });
    expect(nextToSend([c], T0 + 3_600_000)).toBeUndefined();
  });

  it("shows the person's values beside the server's for the fields that differ", () => {
    const c = afterAttempt(edit(), { kind: 'answer', status: 409 }, T0, server)!;
    expect(conflictRows(c)).toEqual([
      { field: 'staffDeployed', mine: 6, theirs: 4 },
      { field: 'places', mine: ['农贸市场'], theirs: ['商场超市'] },
    ]);
  });

  it("keeping mine resends the person's values on the server's version", () => {
    const c = afterAttempt(edit(), { kind: 'answer', status: 409 }, T0, server)!;
    const again = keepMine(c);
    expect(again).toMatchObject({ state: 'pending', baseVersion: 5, body: { staffDeployed: 6, version: 5 } });
    expect(again.serverRecord).toBeUndefined();
    expect(nextToSend([again], T0)?.id).toBe(again.id);
    expect(() => keepMine(edit())).toThrow();
  });
});

describe('the offline queue: status', () => {
  it('says 离线, N 条待发送, N 条需处理 or 已同步', () => {
    const pending = entry();
    const conflict = entry({ state: 'conflict' });
    expect(queueStatus([pending], false)).toEqual({ kind: 'offline', pending: 1 });
    expect(queueStatus([pending], true)).toEqual({ kind: 'pending', pending: 1 });
    expect(queueStatus([pending, conflict], true)).toEqual({ kind: 'attention', count: 1, pending: 1 });
    expect(queueStatus([], true)).toEqual({ kind: 'synced' });
  });
});
