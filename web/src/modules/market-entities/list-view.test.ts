import { describe, expect, it } from 'vitest';
import { entitiesSearch, parseEntitiesView, toEntityQuery } from './list-view';

describe('经济户口 list view in the address', () => {
  it('round-trips the filters and drops unknown values', () => {
    const view = parseEntitiesView(
      new URLSearchParams(
        'tab=underInspected&q=超市&industry=食品销售&entityKind=individual&riskLevel=bad&period=week&page=2',
      ),
    );
    expect(view).toMatchObject({
      tab: 'underInspected',
      q: '超市',
      industry: '食品销售',
      entityKind: 'individual',
      riskLevel: undefined,
      period: 'week',
      page: 2,
    });
    expect(parseEntitiesView(entitiesSearch(view))).toEqual(view);
    expect(parseEntitiesView(new URLSearchParams()).tab).toBe('register');
  });

  it('lists the entities in the register (在册) unless asked otherwise', () => {
    const view = parseEntitiesView(new URLSearchParams('q=9131'));
    expect(toEntityQuery(view, 'u1')).toMatchObject({ unitId: 'u1', q: '9131', status: 'active', page: 1 });
  });
});
