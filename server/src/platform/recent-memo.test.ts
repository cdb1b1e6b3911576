import { describe, expect, it } from 'vitest';
import { createRecentMemo } from './recent-memo';

describe('recent memo', () => {
  it('remembers a value until it is older than the time limit', () => {
    let clock = 0;
    const memo = createRecentMemo<number>({ ttlMs: 1000, max: 10, now: () => clock });
    memo.set('a', 1);
    clock = 1000;
    expect(memo.get('a')).toBe(1);
    clock = 1001;
    expect(memo.get('a')).toBeUndefined();
  });

  it('forgets the oldest entry beyond its size', () => {
    const memo = createRecentMemo<string>({ ttlMs: 1000, max: 2, now: () => 0 });
    memo.set('a', 'A');
    memo.set('b', 'B');
    memo.set('a', 'A2'); // set again: now the newest
    memo.set('c', 'C');
    expect(memo.get('b')).toBeUndefined();
    expect([memo.get('a'), memo.get('c')]).toEqual(['A2', 'C']);
  });

  it('forgets every value when cleared', () => {
    const memo = createRecentMemo<string>({ ttlMs: 1000, max: 10, now: () => 0 });
    memo.set('a', 'A');
    memo.clear();
    expect(memo.get('a')).toBeUndefined();
  });
});
