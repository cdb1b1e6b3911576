import { describe, expect, it } from 'vitest';
import { sampleBody } from './sample-form';
import { NEW_SAMPLE_PATH, sampleBodyToValues, sampleQueueLabel } from './sample-offline';

describe('a sample through the offline queue', () => {
  it('gives a returned body back to the form as it was typed, follow-up included', () => {
    const typed = {
      unitId: 'u1',
      campaignId: 'c1',
      categoryCode: 'food',
      taskId: null,
      entityId: 'e1',
      product: '月饼',
      brandSpec: null,
      batch: '20260901',
      sampledDate: '2026-09-18',
      sampleKind: 'supervision' as const,
      lab: null,
      reportNumber: 'R-1',
      resultDate: '2026-09-25',
      result: 'fail' as const,
      failedItems: '菌落总数',
      measures: ['off_shelf' as const, 'recall' as const],
      demand: '下架',
      deadline: '2026-10-01',
    };
    const back = sampleBodyToValues(sampleBody(typed, true) as unknown as Record<string, unknown>);
    expect(back).toEqual(typed);
    expect(sampleBody(back, true)).toEqual(sampleBody(typed, true));
  });

  it('leaves a body without a follow-up as it is', () => {
    expect(sampleBodyToValues({ product: '茶叶', result: 'pass', followUp: null })).toEqual({
      product: '茶叶',
      result: 'pass',
    });
  });

  it('names the queued sample by date and product and reopens the samples dialog', () => {
    const t = (key: string, vars?: Record<string, string | number>) => `${key}:${vars?.date}/${vars?.product}`;
    expect(sampleQueueLabel(t as never, { sampledDate: '2026-09-18', product: '月饼' })).toBe(
      'samples.queueLabel:2026-09-18/月饼',
    );
    expect(NEW_SAMPLE_PATH).toBe('/samples?new=1');
  });
});
