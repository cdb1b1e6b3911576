import { describe, expect, it } from 'vitest';
import { parseTransfersView, transfersQuery, transfersSearch } from './list-view';

describe('移送台账 view in the address', () => {
  it('reads and writes the filters, ignoring unknown values', () => {
    const view = parseTransfersView(new URLSearchParams('receiverKind=police&status=sent&overdue=true&page=2'));
    expect(view).toMatchObject({ receiverKind: 'police', status: 'sent', overdue: true, page: 2 });
    expect(transfersSearch(view).get('receiverKind')).toBe('police');
    expect(parseTransfersView(new URLSearchParams('receiverKind=army')).receiverKind).toBeUndefined();
    expect(transfersQuery(view, 'u1')).toMatchObject({ unitId: 'u1', overdue: 'true', status: 'sent', page: 2 });
  });
});
