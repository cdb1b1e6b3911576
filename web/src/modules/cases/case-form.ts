import type { Problem } from '@redshield/api-client';
import type { Case, CaseBody } from './api';

/**
 * The case form holds the API's body as it is (dates as YYYY-MM-DD, amounts in 元 as text), so
 * what the user typed is what is sent and a server error lands on the field of the same name.
 */
export type CaseFormValues = Omit<
  CaseBody,
  'amountInvolved' | 'fine' | 'confiscated' | 'lossesRecovered' | 'compensation'
> & {
  amountInvolved?: string;
  fine?: string;
  confiscated?: string;
  lossesRecovered?: string;
  compensation?: string;
};

/** Every field of the body, in the order of the form. */
export const CASE_FIELDS = [
  'campaignId',
  'categoryCode',
  'taskId',
  'unitId',
  'caseNumber',
  'name',
  'filingDate',
  'chainStage',
  'otherProvinces',
  'summary',
  'partyKind',
  'partyName',
  'partyCreditCode',
  'licenceInfo',
  'filingApproverId',
  'investigatorId',
  'contactName',
  'contactPhone',
  'amountInvolved',
  'fine',
  'confiscated',
  'lossesRecovered',
  'mediated',
  'compensation',
  'penaltyContent',
  'otherMeasures',
  'transferredToJudiciary',
  'judiciaryTransferDate',
  'transferredToPolice',
  'policeTransferDate',
  'notifiedTo',
  'notificationDate',
  'published',
  'online',
  'rural',
  'typical',
  'supervisionLevel',
  'supervisionDeadline',
] as const satisfies readonly (keyof CaseFormValues)[];
export type CaseField = (typeof CASE_FIELDS)[number];

/** A new case: only the defaults the user would otherwise have to set every time. */
export function emptyCase(defaults: Partial<CaseFormValues> & { filingDate: string }): Partial<CaseFormValues> {
  return {
    partyKind: 'company',
    amountInvolved: '0',
    fine: '0',
    confiscated: '0',
    lossesRecovered: '0',
    compensation: '0',
    mediated: false,
    otherMeasures: [],
    transferredToJudiciary: false,
    transferredToPolice: false,
    published: false,
    online: false,
    rural: false,
    typical: false,
    ...defaults,
  };
}

/** The form values of a stored case. */
export function caseToFormValues(c: Case): CaseFormValues {
  const values = {} as Record<CaseField, unknown>;
  for (const field of CASE_FIELDS) values[field] = c[field];
  return values as CaseFormValues;
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/**
 * The body to send: every field of the form, empty text as null, and the dates of transfers that
 * did not happen dropped (the user may have picked one before unticking the box).
 */
export function formValuesToBody(values: Partial<CaseFormValues>): CaseBody {
  const body: Record<string, unknown> = {};
  for (const field of CASE_FIELDS) if (values[field] !== undefined) body[field] = blankToNull(values[field]);
  if (!values.transferredToJudiciary) body.judiciaryTransferDate = null;
  if (!values.transferredToPolice) body.policeTransferDate = null;
  if (values.partyKind === 'person') body.partyCreditCode = null;
  for (const money of ['amountInvolved', 'fine', 'confiscated', 'lossesRecovered', 'compensation'] as const) {
    if (body[money] === null) body[money] = '0';
  }
  return body as CaseBody;
}

/** Which fields someone else changed between the version the user started from and the latest one. */
export function changedFields(base: CaseFormValues, latest: CaseFormValues): CaseField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return CASE_FIELDS.filter((f) => !same(base[f], latest[f]));
}

/** A problem about a case nested in another body (a lead filed as a case: "case.caseNumber") as one about the case. */
export function unnestProblem(problem: Problem | undefined, prefix: string): Problem | undefined {
  if (!problem?.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((e) => (e.path?.startsWith(prefix) ? { ...e, path: e.path.slice(prefix.length) } : e)),
  };
}

/** 元 with two decimals and thousands separators, as the server sends it ("1234.5" → "1,234.50"). */
export function formatYuan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [int, frac = ''] = value.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0').slice(0, 2)}`;
}

/** What the form accepts as an amount (the server checks the same). */
export const YUAN_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
