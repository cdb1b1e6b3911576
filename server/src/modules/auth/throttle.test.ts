import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './throttle';

describe('login throttle', () => {
  it('blocks a user name after 5 failures for the rest of the window, then lets it try again', () => {
    let t = 0;
    const throttle = createLoginThrottle({ perUser: 5, perAddress: 20, windowMs: 60_000 }, () => t);
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterSeconds('Zhang', '10.0.0.1')).toBe(0);
      throttle.recordFailure('Zhang', '10.0.0.1');
      t += 1000;
    }
    expect(throttle.retryAfterSeconds('zhang', '10.0.0.9')).toBe(55); // case-insensitive, any address
    expect(throttle.retryAfterSeconds('li', '10.0.0.9')).toBe(0); // other users unaffected
    t = 60_001;
    expect(throttle.retryAfterSeconds('zhang', '10.0.0.1')).toBe(0);
  });

  it('blocks an address that tries many user names', () => {
    const t = 0;
    const throttle = createLoginThrottle({ perUser: 5, perAddress: 3, windowMs: 60_000 }, () => t);
    for (const u of ['a', 'b', 'c']) throttle.recordFailure(u, '10.0.0.2');
    expect(throttle.retryAfterSeconds('d', '10.0.0.2')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('d', '10.0.0.3')).toBe(0);
  });

  it('forgets a user name’s failures after a successful login', () => {
    const throttle = createLoginThrottle({ perUser: 2, perAddress: 20, windowMs: 60_000 }, () => 0);
    throttle.recordFailure('wang', 'x');
    throttle.recordSuccess('wang');
    throttle.recordFailure('wang', 'x');
    expect(throttle.retryAfterSeconds('wang', 'y')).toBe(0);
  });
});
