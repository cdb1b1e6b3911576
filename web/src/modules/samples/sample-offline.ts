import type { MessageKey, Translate } from '../../locales/i18n';
import { createDialogPath } from '../../lib/offline/form-draft';
import type { SampleBody } from './api';
import type { SampleValues } from './sample-form';

/** Where a returned new sample is corrected: the samples list with its 登记抽检 dialog open. */
export const NEW_SAMPLE_PATH = createDialogPath('/samples');

/** Where a created sample's files go, for the offline queue (`{id}` is the new sample's id). */
export const SAMPLE_ATTACHMENTS_PATH = '/api/samples/{id}/attachments';

const LABELS = {
  campaignId: 'samples.campaign',
  categoryCode: 'samples.category',
  unitId: 'samples.unit',
  entityId: 'samples.entity',
  taskId: 'samples.task',
  product: 'samples.product',
  brandSpec: 'samples.brandSpec',
  batch: 'samples.batch',
  sampledDate: 'samples.sampledDate',
  sampleKind: 'samples.sampleKind',
  lab: 'samples.lab',
  result: 'samples.result',
  resultDate: 'samples.resultDate',
  reportNumber: 'samples.reportNumber',
  failedItems: 'samples.failedItems',
  followUp: 'samples.followUpMeasures',
} satisfies Partial<Record<keyof SampleBody, MessageKey>>;

export const sampleFieldLabels = (t: Translate): Record<string, string> =>
  Object.fromEntries(Object.entries(LABELS).map(([field, key]) => [field, t(key)]));

/** What the queue lists for a sample: its date, 抽检 and the product. */
export const sampleQueueLabel = (t: Translate, body: Pick<SampleBody, 'sampledDate' | 'product'>) =>
  t('samples.queueLabel', { date: body.sampledDate, product: body.product });

/** A body the server returned (queued offline) as the form's values again: the follow-up flattened. Pure. */
export function sampleBodyToValues(body: Record<string, unknown>): SampleValues {
  const { followUp, ...rest } = body as Partial<SampleBody>;
  const values: SampleValues = { ...(rest as SampleValues) };
  if (followUp) {
    values.measures = followUp.measures;
    values.demand = followUp.demand;
    values.deadline = followUp.deadline;
  }
  return values;
}
