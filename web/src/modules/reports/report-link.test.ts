import { describe, expect, it } from 'vitest';
import { reportKeyOf, reportPath } from './report-link';

const key = { scheduleId: 'monthly', periodEnd: '2026-05-31', unitId: '0b8c2f7e-4d0a-4c59-9a55-0f7f6d0b1a23' };

describe('a report page address', () => {
  it('carries the whole key of the report, read back as written', () => {
    const path = reportPath('c1', key);
    expect(path).toBe(`/campaigns/c1/report?scheduleId=monthly&periodEnd=2026-05-31&unitId=${key.unitId}`);
    expect(reportKeyOf(new URLSearchParams(path.split('?')[1]))).toEqual(key);
  });

  it('names no report when a part of the key is missing or empty', () => {
    for (const drop of ['scheduleId', 'periodEnd', 'unitId']) {
      const search = new URLSearchParams(key);
      search.delete(drop);
      expect(reportKeyOf(search)).toBeNull();
      search.set(drop, '');
      expect(reportKeyOf(search)).toBeNull();
    }
    expect(reportKeyOf(new URLSearchParams())).toBeNull();
  });
});
