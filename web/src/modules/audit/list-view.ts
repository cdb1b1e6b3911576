import dayjs, { type Dayjs } from 'dayjs';
import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import type { AuditQuery } from './api';

/** The record types the log can be filtered by. */
export const AUDIT_RECORD_TYPES = ['unit', 'user', 'calendar_override'] as const;

/** The audit log's view in the address (?recordType=unit&from=2026-03-01T08:00&page=2). */
export interface AuditView extends Paging {
  recordType?: (typeof AUDIT_RECORD_TYPES)[number];
  recordId?: string;
  /** The time range to the minute, in the browser's time (YYYY-MM-DDTHH:mm). */
  from?: string;
  to?: string;
}

const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const minuteParam = (value: string | null) =>
  value && MINUTE.test(value) && dayjs(value).isValid() ? value : undefined;

/** A picked time as the address writes it. */
export const toMinute = (time: Dayjs | null | undefined) => (time ? time.format('YYYY-MM-DDTHH:mm') : undefined);

export function parseAuditView(search: URLSearchParams): AuditView {
  return {
    recordType: oneOf(search.get('recordType'), AUDIT_RECORD_TYPES),
    recordId: textParam(search.get('recordId')),
    from: minuteParam(search.get('from')),
    to: minuteParam(search.get('to')),
    ...readPaging(search),
  };
}

export function auditSearch(view: AuditView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.recordType) search.set('recordType', view.recordType);
  if (view.recordId) search.set('recordId', view.recordId);
  if (view.from) search.set('from', view.from);
  if (view.to) search.set('to', view.to);
  return writePaging(search, view);
}

/** The API query: the range covers its first and last minute whole, with the browser's offset. */
export function toAuditQuery(view: AuditView): AuditQuery {
  return {
    ...(view.recordType ? { recordType: view.recordType } : {}),
    ...(view.recordId ? { recordId: view.recordId } : {}),
    ...(view.from ? { from: dayjs(view.from).startOf('minute').format() } : {}),
    ...(view.to ? { to: dayjs(view.to).endOf('minute').format() } : {}),
    page: view.page,
    pageSize: view.pageSize,
  };
}
