import { describe, expect, it } from 'vitest';
import { parseSamplesView, samplesSearch, toListQuery } from './list-view';

describe('samples list view', () => {
  it('keeps a pass rate’s drill-down (product, result, campaign) through the address', () => {
    const search = new URLSearchParams('product=月饼&result=fail&campaignId=c1&overdue=true&page=2&pageSize=50');
    const view = parseSamplesView(search);
    expect(view).toMatchObject({ product: '月饼', result: 'fail', campaignId: 'c1', overdue: true, page: 2 });
    expect(toListQuery(view)).toMatchObject({
      product: '月饼',
      result: 'fail',
      overdue: 'true',
      page: 2,
      pageSize: 50,
    });
    expect(parseSamplesView(samplesSearch(view))).toEqual(view);
  });

  it('drops a result that is not one', () => {
    expect(parseSamplesView(new URLSearchParams('result=maybe')).result).toBeUndefined();
  });
});
