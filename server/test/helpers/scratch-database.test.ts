import { describe, expect, it } from 'vitest';
import { madeAt } from './scratch-database';

describe('scratch database names', () => {
  it('say when they were made, and nothing for other databases', () => {
    const at = Date.UTC(2026, 11, 7, 1, 30);
    expect(madeAt(`rs_e2e_${at.toString(36)}_0a1b2c3d`, 'rs_e2e')).toBe(at);
    expect(madeAt(`rs_t_${at.toString(36)}_0a1b2c3d`, 'rs_e2e')).toBeUndefined();
    // Databases of the format before it, and a bureau's own, are never taken for stale scratch ones.
    expect(madeAt('rs_e2e_3f9a0c1d2e4b', 'rs_e2e')).toBeUndefined();
    expect(madeAt('redshield', 'rs_e2e')).toBeUndefined();
  });
});
