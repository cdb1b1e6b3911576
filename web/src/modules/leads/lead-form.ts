import type { Lead, LeadBody } from './api';

/** The lead form holds the API's body (dates as YYYY-MM-DD). */
export type LeadFormValues = LeadBody;

export const LEAD_FIELDS = [
  'campaignId',
  'categoryCode',
  'taskId',
  'unitId',
  'source',
  'sourceNumber',
  'receivedDate',
  'partyName',
  'description',
  'complainantName',
  'complainantPhone',
  'complainantIdNumber',
  'important',
  'handlerIds',
] as const satisfies readonly (keyof LeadFormValues)[];

export function leadToFormValues(lead: Lead): LeadFormValues {
  const values = {} as Record<(typeof LEAD_FIELDS)[number], unknown>;
  for (const field of LEAD_FIELDS) values[field] = lead[field];
  return values as LeadFormValues;
}

/** Empty text as null; no handler list means "the registering handler" (the server's default). */
export function leadFormToBody(values: LeadFormValues): LeadBody {
  const body: Record<string, unknown> = {};
  for (const field of LEAD_FIELDS) {
    const v = values[field];
    if (v === undefined) continue;
    body[field] = typeof v === 'string' && v.trim() === '' ? null : v;
  }
  if (Array.isArray(body.handlerIds) && body.handlerIds.length === 0) delete body.handlerIds;
  return body as LeadBody;
}

/** The edit's body: the lead's fields without its handlers (the server refuses a changed list there; they are assigned apart). */
export function leadFormToUpdateBody(values: LeadFormValues): Omit<LeadBody, 'handlerIds'> {
  const { handlerIds: _handlers, ...body } = leadFormToBody(values);
  return body;
}
