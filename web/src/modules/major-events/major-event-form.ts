import type { MajorEvent, MajorEventBody, MajorEventKind, MajorEventStatus } from './api';

/** The form's values: what the API takes, with the optional texts possibly left empty. */
export interface MajorEventValues {
  unitId?: string;
  kind?: MajorEventKind;
  title?: string;
  occurredOn?: string | null;
  summary?: string;
  measuresTaken?: string;
  requests?: string | null;
  caseId?: string | null;
}

/** The body the API takes from the form: texts trimmed, an empty 需上级协调事项 or case sent as null. Pure. */
export function majorEventBody(v: MajorEventValues): MajorEventBody {
  return {
    unitId: v.unitId ?? '',
    kind: v.kind ?? 'major_situation',
    title: (v.title ?? '').trim(),
    occurredOn: v.occurredOn ?? '',
    summary: (v.summary ?? '').trim(),
    measuresTaken: (v.measuresTaken ?? '').trim(),
    requests: v.requests?.trim() || null,
    caseId: v.caseId || null,
  };
}

/** The form filled from a report being corrected. Pure. */
export function majorEventValues(e: MajorEvent): MajorEventValues {
  return {
    unitId: e.unitId,
    kind: e.kind,
    title: e.title,
    occurredOn: e.occurredOn,
    summary: e.summary,
    measuresTaken: e.measuresTaken,
    requests: e.requests,
    caseId: e.caseId,
  };
}

/** 待阅示 in orange (someone must act), 已阅示 in green. Pure. */
export const statusColor = (s: MajorEventStatus) => (s === 'reported' ? 'orange' : 'green');

/** The unit a new report is for: the only one the user may report for, else none chosen yet. Pure. */
export const defaultReportingUnit = (units: { unitId: string }[]) => (units.length === 1 ? units[0].unitId : undefined);
