import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { auditSearch, parseAuditView, toAuditQuery, toMinute } from './list-view';

describe('the audit log view in the address', () => {
  it('reads and writes every filter and the page', () => {
    const search = 'recordType=user&recordId=u-1&from=2026-03-01T08:30&to=2026-03-02T17:05&page=2&pageSize=50';
    const view = parseAuditView(new URLSearchParams(search));
    expect(view).toEqual({
      recordType: 'user',
      recordId: 'u-1',
      from: '2026-03-01T08:30',
      to: '2026-03-02T17:05',
      page: 2,
      pageSize: 50,
    });
    expect(auditSearch(view).toString()).toBe(search.replace(/:/g, '%3A'));
    expect(parseAuditView(auditSearch(view))).toEqual(view);
  });

  it('drops unknown record types and malformed times, and writes nothing for the defaults', () => {
    const view = parseAuditView(new URLSearchParams('recordType=case&from=2026-03-01&to=yesterday&recordId=%20'));
    expect(view).toEqual({ page: 1, pageSize: 20 });
    expect(auditSearch(view).toString()).toBe('');
  });

  it('asks the API for whole minutes in the browser’s time', () => {
    const query = toAuditQuery(parseAuditView(new URLSearchParams('from=2026-03-01T08:30&to=2026-03-02T17:05')));
    expect(query.from).toBe(dayjs('2026-03-01T08:30:00').format());
    expect(query.to).toBe(dayjs('2026-03-02T17:05:59.999').format());
    expect(query.from?.startsWith('2026-03-01T08:30:00')).toBe(true);
    expect(query.to?.startsWith('2026-03-02T17:05:59')).toBe(true);
    expect(toAuditQuery(parseAuditView(new URLSearchParams('')))).toEqual({ page: 1, pageSize: 20 });
  });

  it('writes a picked time to the minute', () => {
    expect(toMinute(dayjs('2026-03-01T08:30:45'))).toBe('2026-03-01T08:30');
    expect(toMinute(null)).toBeUndefined();
  });
});
