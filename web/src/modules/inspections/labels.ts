import { isMessageKey, type MessageKey, type Translate } from '../../locales/i18n';
import type { InspectionType } from './api';

/**
 * The places (检查场所) and units of seized goods are the server's Chinese words; shown through the
 * message tables (inspections.place.<word>, inspections.seizureUnit.<word>), or as they are when a
 * newer server offers a word the tables lack.
 */
export function placeLabel(t: Translate, place: string): string {
  const key = `inspections.place.${place}`;
  return isMessageKey(key) ? t(key) : place;
}

export function seizureUnitLabel(t: Translate, unit: string): string {
  const key = `inspections.seizureUnit.${unit}`;
  return isMessageKey(key) ? t(key) : unit;
}

/** 检查方式 (seed 004). */
export const INSPECTION_TYPE_KEYS = {
  routine: 'inspections.type.routine',
  flying: 'inspections.type.flying',
  cross: 'inspections.type.cross',
  sampling: 'inspections.type.sampling',
  system: 'inspections.type.system',
  special: 'inspections.type.special',
} as const satisfies Record<InspectionType, MessageKey>;
