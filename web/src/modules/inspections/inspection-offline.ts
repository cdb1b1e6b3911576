import type { MessageKey, Translate } from '../../locales/i18n';
import type { InspectionBody } from './api';

/** Where the entry form of a new outing lives (its draft's key and the queue's `formPath`). */
export const NEW_INSPECTION_PATH = '/inspections/new';

/** Where a created outing's files go, for the offline queue (`{id}` is the new outing's id). */
export const INSPECTION_ATTACHMENTS_PATH = '/api/inspections/{id}/attachments';

/** The form's labels of the body's fields (fields added later show their name until listed here). */
const LABELS = {
  inspectionDate: 'inspections.date',
  campaignId: 'inspections.campaign',
  categoryCode: 'inspections.category',
  taskId: 'records.task',
  unitId: 'inspections.unit',
  staffDeployed: 'inspections.staffDeployed',
  vehicles: 'inspections.vehicles',
  entitiesInspected: 'inspections.entitiesInspected',
  places: 'inspections.places',
  focusArea: 'inspections.focusArea',
  unlicensedBanned: 'inspections.unlicensedBanned',
  rapidTestBatches: 'inspections.rapidTestBatches',
  rapidTestItems: 'inspections.rapidTestItems',
  rapidTestFailed: 'inspections.rapidTestFailed',
  samplingBatches: 'inspections.samplingBatches',
  samplingItems: 'inspections.samplingItems',
  samplingFailed: 'inspections.samplingFailed',
  rectificationOrders: 'inspections.rectificationOrders',
  findings: 'inspections.findings',
  inspectorIds: 'inspections.inspectors',
  seizures: 'inspections.sectionSeizures',
} satisfies Partial<Record<keyof InspectionBody, MessageKey>>;

export const inspectionFieldLabels = (t: Translate): Record<string, string> =>
  Object.fromEntries(Object.entries(LABELS).map(([field, key]) => [field, t(key)]));

/** What the queue lists for an outing: its date and 检查记录. */
export const inspectionQueueLabel = (t: Translate, body: InspectionBody) =>
  t('inspectionPhotos.queueLabel', { date: body.inspectionDate });
