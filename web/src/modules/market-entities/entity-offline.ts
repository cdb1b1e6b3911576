import type { MessageKey, Translate } from '../../locales/i18n';
import { createDialogPath } from '../../lib/offline/form-draft';
import type { EntityBody } from './api';

/** Where a returned new entity is corrected: the register with its 登记 dialog open. */
export const NEW_ENTITY_PATH = createDialogPath('/market-entities');

const LABELS = {
  unitId: 'entities.unit',
  name: 'entities.name',
  creditCode: 'entities.creditCode',
  entityKind: 'entities.entityKind',
  industry: 'entities.industry',
  operatorName: 'entities.operatorName',
  address: 'entities.address',
  riskLevel: 'entities.riskLevel',
  divisionCode: 'entities.divisionCode',
  licence: 'entities.licence',
} satisfies Partial<Record<keyof EntityBody, MessageKey>>;

/** The form's labels of the body's fields, for the queue's conflicts and refusals. */
export const entityFieldLabels = (t: Translate): Record<string, string> =>
  Object.fromEntries(Object.entries(LABELS).map(([field, key]) => [field, t(key)]));

/** What the queue lists for an entity: 市场主体 and its name. */
export const entityQueueLabel = (t: Translate, body: Pick<EntityBody, 'name'>) =>
  t('entities.queueLabel', { name: body.name });
