import type { MessageKey, Translate } from '../../locales/i18n';
import { createDialogPath } from '../../lib/offline/form-draft';
import type { SeizedGoodsBody } from './api';

/** Where a returned new custody record is corrected: the list with its 登记保管 dialog open. */
export const NEW_SEIZED_GOODS_PATH = createDialogPath('/seized-goods');

/** Where a created record's photos go, for the offline queue (`{id}` is the new record's id). */
export const SEIZED_GOODS_ATTACHMENTS_PATH = '/api/seized-goods/{id}/attachments';

const LABELS = {
  campaignId: 'seized.campaign',
  unitId: 'seized.unit',
  categoryCode: 'seized.category',
  measure: 'seized.measure',
  goods: 'seized.goods',
  quantity: 'seized.quantity',
  quantityUnit: 'seized.quantityUnit',
  description: 'seized.description',
  place: 'seized.place',
  custodianId: 'seized.custodian',
  seizedDate: 'seized.seizedDate',
  inspectionSeizureId: 'seized.outingSeizure',
  caseId: 'seized.case',
  entityId: 'seized.entity',
  ownerName: 'seized.owner',
  note: 'seized.note',
} satisfies Partial<Record<keyof SeizedGoodsBody, MessageKey>>;

export const seizedGoodsFieldLabels = (t: Translate): Record<string, string> =>
  Object.fromEntries(Object.entries(LABELS).map(([field, key]) => [field, t(key)]));

/** What the queue lists for a custody record: its date, 查扣物品 and the goods. */
export const seizedGoodsQueueLabel = (t: Translate, body: Pick<SeizedGoodsBody, 'seizedDate' | 'goods'>) =>
  t('seized.queueLabel', { date: body.seizedDate, goods: body.goods });
