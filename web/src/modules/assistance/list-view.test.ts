import { describe, expect, it } from 'vitest';
import { assistanceQuery, assistanceSearch, parseAssistanceView } from './list-view';

describe('协查与通报 list view', () => {
  it('round-trips through the address and ignores unknown values', () => {
    const view = parseAssistanceView(new URLSearchParams('direction=received&status=sent&kind=bogus&page=2'));
    expect(view).toMatchObject({ direction: 'received', status: 'sent', kind: undefined, page: 2 });
    expect(parseAssistanceView(assistanceSearch(view))).toEqual(view);
    expect(assistanceQuery(view)).toEqual({ direction: 'received', status: 'sent', page: 2, pageSize: view.pageSize });
  });

  it('defaults to the sent tab', () => {
    expect(parseAssistanceView(new URLSearchParams()).direction).toBe('sent');
    expect(assistanceSearch(parseAssistanceView(new URLSearchParams())).get('direction')).toBeNull();
  });
});
