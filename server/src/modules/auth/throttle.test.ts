import { describe, expect, it } from 'vitest';
import {
  ADDRESS_POLICY,
  afterFailure,
  delayAfter,
  pairKey,
  PAIR_POLICY,
  secondsToWait,
  staleBefore,
  waitInWords,
  type ThrottleState,
} from './throttle';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 5) + ms);

function fail(times: number, policy = PAIR_POLICY, start = 0) {
  let s: ThrottleState | undefined;
  let t = start;
  for (let i = 0; i < times; i++) {
    // Each attempt comes as soon as the previous delay allows.
    t = Math.max(t, s?.blockedUntil ? s.blockedUntil.getTime() - at(0).getTime() : t);
    s = afterFailure(s, policy, at(t));
  }
  return { state: s!, t };
}

describe('login throttle decisions', () => {
  it('lets 4 failures of one account from one client pass, then delays 1 s, 2 s, 4 s … up to 5 minutes', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n, PAIR_POLICY))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(n, PAIR_POLICY))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(delayAfter(30, PAIR_POLICY)).toBe(5 * 60_000);
    expect(delayAfter(10_000, PAIR_POLICY)).toBe(5 * 60_000);
  });

  it('answers how long to wait, over every counter that applies, and 0 once the wait is over', () => {
    const { state, t } = fail(7);
    expect(state.failures).toBe(7);
    expect(secondsToWait([state, undefined], at(t))).toBe(4);
    expect(secondsToWait([state], at(t + 3_500))).toBe(1);
    expect(secondsToWait([state], at(t + 4_000))).toBe(0);
    const address = { failures: 200, windowStartedAt: at(0), blockedUntil: at(t + 600_000) };
    expect(secondsToWait([state, address], at(t))).toBe(600);
  });

  it('keeps a guesser who goes on at the longest wait, however long he goes on', () => {
    const { state, t } = fail(40);
    expect(t).toBeGreaterThan(2 * PAIR_POLICY.windowMs);
    expect(state.failures).toBe(40);
    expect(state.blockedUntil!.getTime() - at(t).getTime()).toBe(5 * 60_000);
  });

  it('starts the count again once the window has passed since the last wait: nothing is locked for good', () => {
    const { state, t } = fail(20);
    const end = t + 5 * 60_000;
    expect(afterFailure(state, PAIR_POLICY, at(end + PAIR_POLICY.windowMs - 1)).failures).toBe(21);
    expect(afterFailure(state, PAIR_POLICY, at(end + PAIR_POLICY.windowMs))).toMatchObject({
      failures: 1,
      blockedUntil: null,
    });
    // Free failures alone are forgotten an hour after the first.
    const free = fail(3).state;
    expect(afterFailure(free, PAIR_POLICY, at(PAIR_POLICY.windowMs)).failures).toBe(1);
  });

  it('lets an address fail 99 times across accounts before it is slowed', () => {
    expect(fail(99, ADDRESS_POLICY).state.blockedUntil).toBeNull();
    expect(fail(100, ADDRESS_POLICY).state.blockedUntil).not.toBeNull();
  });

  it('keys an account case-insensitively and per client address', () => {
    expect(pairKey(' Zhang ', '10.0.0.1')).toBe(pairKey('zhang', '10.0.0.1'));
    expect(pairKey('zhang', '10.0.0.1')).not.toBe(pairKey('zhang', '10.0.0.2'));
  });

  it('says the wait in seconds or minutes, and keeps rows only while they matter', () => {
    expect(waitInWords(8)).toBe('8 秒');
    expect(waitInWords(61)).toBe('2 分钟');
    expect(staleBefore(at(3 * 60 * 60_000)).getTime()).toBe(at(2 * 60 * 60_000).getTime());
  });
});
