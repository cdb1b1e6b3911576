import { describe, expect, it } from 'vitest';
import { outingEntitiesToBody, outingEntitiesToValues } from './outing-entities';

describe('an outing’s entities between the form and the body', () => {
  it('sends a picked entity by id and a new one with its fields, trimmed and upper-cased', () => {
    expect(
      outingEntitiesToBody([
        { mode: 'register', entityId: 'e1', entityLabel: '某超市', result: 'problem', finding: ' 标签不规范 ' },
        {
          mode: 'new',
          newEntity: { name: ' 冻品店 ', creditCode: ' 92310230ma1dq7c81', industry: '', entityKind: 'individual' },
        },
      ]),
    ).toEqual([
      { entityId: 'e1', result: 'problem', finding: '标签不规范' },
      {
        newEntity: {
          name: '冻品店',
          creditCode: '92310230MA1DQ7C81',
          entityKind: 'individual',
          industry: null,
          address: null,
          operatorName: null,
        },
        result: 'no_problem',
        finding: null,
      },
    ]);
    expect(outingEntitiesToBody(undefined)).toEqual([]);
  });

  it('shows a recorded outing’s entities as picked ones', () => {
    expect(
      outingEntitiesToValues([
        { entityId: 'e1', name: '某超市', creditCode: 'X', result: 'no_problem', finding: null },
      ]),
    ).toEqual([{ mode: 'register', entityId: 'e1', entityLabel: '某超市（X）', result: 'no_problem', finding: null }]);
  });
});
