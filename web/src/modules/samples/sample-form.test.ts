import { describe, expect, it } from 'vitest';
import { sampleBody } from './sample-form';

const base = {
  unitId: 'u',
  campaignId: 'c',
  categoryCode: 'food',
  entityId: 'e',
  product: ' 月饼 ',
  sampledDate: '2026-09-05',
  resultDate: '2026-09-12',
};

describe('sampleBody', () => {
  it('sends a fail with its items and the follow-up it opens (下架 by default)', () => {
    const body = sampleBody(
      { ...base, result: 'fail', failedItems: ' 菌落总数超标 ', measures: [], demand: ' ' },
      true,
    );
    expect(body).toMatchObject({
      product: '月饼',
      result: 'fail',
      failedItems: '菌落总数超标',
      followUp: { measures: ['off_shelf'], demand: null, deadline: null },
    });
  });

  it('sends no items, no follow-up and no result date for a pending sample', () => {
    const body = sampleBody({ ...base, result: 'pending', failedItems: '残留', measures: ['case'] }, true);
    expect(body).toMatchObject({ result: 'pending', resultDate: null, failedItems: null, followUp: null });
  });

  it('sends no follow-up when the sample already has one', () => {
    expect(sampleBody({ ...base, result: 'fail', failedItems: 'x', measures: ['recall'] }, false).followUp).toBeNull();
  });
});
