import { describe, expect, it } from 'vitest';
import { leadFormToBody, leadFormToUpdateBody, type LeadFormValues } from './lead-form';

const values = {
  campaignId: 'c',
  categoryCode: 'food',
  unitId: 'u',
  source: 'complaint',
  sourceNumber: ' ',
  receivedDate: '2026-02-10',
  partyName: '某超市',
  description: '过期牛奶',
  important: false,
  handlerIds: ['h1'],
} as LeadFormValues;

describe('lead form bodies', () => {
  it('registration names the handlers; the edit never sends them (they are assigned apart)', () => {
    expect(leadFormToBody(values)).toMatchObject({ handlerIds: ['h1'], sourceNumber: null });
    const update = leadFormToUpdateBody(values);
    expect('handlerIds' in update).toBe(false);
    expect(update).toMatchObject({ partyName: '某超市', sourceNumber: null });
  });
});
