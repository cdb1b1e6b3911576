import type { Inspection, InspectionBody, InspectionType, PlaceKind, SeizureUnit } from './api';
import {
  outingEntitiesToBody,
  outingEntitiesToValues,
  type OutingEntityValues,
} from '../market-entities/outing-entities';

/** One row of 查扣物品 as the form holds it (the quantity as typed: up to three decimals). */
export interface SeizureValues {
  goods?: string;
  quantity?: string | number | null;
  unit?: SeizureUnit;
}

/** The entry form's values: the body's fields, each possibly still empty while the user types. */
export interface InspectionFormValues {
  unitId?: string;
  campaignId?: string;
  categoryCode?: string;
  /** 检查方式 */
  inspectionType?: InspectionType;
  taskId?: string | null;
  inspectionDate?: string | null;
  staffDeployed?: number | null;
  vehicles?: number | null;
  entitiesInspected?: number | null;
  places?: PlaceKind[];
  focusArea?: string | null;
  unlicensedBanned?: number | null;
  rapidTestBatches?: number | null;
  rapidTestItems?: number | null;
  rapidTestFailed?: number | null;
  samplingBatches?: number | null;
  samplingItems?: number | null;
  samplingFailed?: number | null;
  rectificationOrders?: number | null;
  findings?: string | null;
  inspectorIds?: string[];
  seizures?: SeizureValues[];
  /** 检查对象 (market-entities/OutingEntitiesField). */
  entities?: OutingEntityValues[];
}

/** Counts the server defaults to 0: an empty field means none. */
export const OPTIONAL_COUNTS = [
  'vehicles',
  'unlicensedBanned',
  'rapidTestBatches',
  'rapidTestItems',
  'rapidTestFailed',
  'samplingBatches',
  'samplingItems',
  'samplingFailed',
  'rectificationOrders',
] as const satisfies readonly (keyof InspectionFormValues & keyof InspectionBody)[];

/** A seized quantity the server takes: more than 0, at most 13 digits and three decimals. */
export const isSeizureQuantity = (v: unknown) => {
  const s = String(v ?? '').trim();
  return /^\d{1,13}(\.\d{1,3})?$/.test(s) && Number(s) > 0;
};

const text = (v: string | null | undefined) => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/**
 * The request body of the form's values: empty counts as 0, empty text as null, seized-goods rows
 * left wholly blank dropped (a half-filled row is sent, so the server says what it lacks).
 */
export function inspectionFormToBody(values: InspectionFormValues): InspectionBody {
  const body = {
    unitId: values.unitId ?? '',
    campaignId: values.campaignId ?? '',
    categoryCode: values.categoryCode ?? '',
    inspectionType: values.inspectionType ?? 'special',
    taskId: values.taskId ?? null,
    inspectionDate: values.inspectionDate ?? '',
    staffDeployed: values.staffDeployed ?? 0,
    entitiesInspected: values.entitiesInspected ?? 0,
    places: values.places ?? [],
    focusArea: text(values.focusArea),
    findings: text(values.findings),
    inspectorIds: values.inspectorIds ?? [],
    seizures: (values.seizures ?? [])
      .filter((s) => s && ((s.goods ?? '').trim() !== '' || String(s.quantity ?? '').trim() !== ''))
      .map((s) => ({
        goods: (s.goods ?? '').trim(),
        quantity: String(s.quantity ?? '').trim(),
        unit: s.unit as SeizureUnit,
      })),
    entities: outingEntitiesToBody(values.entities),
  } satisfies InspectionBody;
  const counts = Object.fromEntries(OPTIONAL_COUNTS.map((k) => [k, values[k] ?? 0])) as Record<
    (typeof OPTIONAL_COUNTS)[number],
    number
  >;
  return { ...body, ...counts };
}

/** The form's values of a recorded outing (for editing it). */
export function inspectionToFormValues(i: Inspection): InspectionFormValues {
  const counts = Object.fromEntries(OPTIONAL_COUNTS.map((k) => [k, i[k]]));
  return {
    unitId: i.unitId,
    campaignId: i.campaignId,
    categoryCode: i.categoryCode,
    inspectionType: i.inspectionType,
    taskId: i.taskId,
    inspectionDate: i.inspectionDate,
    staffDeployed: i.staffDeployed,
    entitiesInspected: i.entitiesInspected,
    places: [...i.places],
    focusArea: i.focusArea,
    findings: i.findings,
    inspectorIds: [...i.inspectorIds],
    seizures: i.seizures.map((s) => ({ goods: s.goods, quantity: s.quantity, unit: s.unit as SeizureUnit })),
    entities: outingEntitiesToValues(i.entities),
    ...counts,
  };
}

/** The first line of the findings, cut to `max` characters, for a list column. */
export function findingsShort(findings: string | null | undefined, max = 30): string {
  const line = (findings ?? '').trim().split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * The header of an import file: the server's column names, which a file carries whatever language
 * the pages are shown in (server/src/modules/inspections/inspection-import.ts).
 */
export const IMPORT_COLUMNS =
  '检查日期,检查单位,违法类型,检查方式,出动人次,车辆台次,检查家次,检查场所,重点区域,取缔无照,快检批次,快检品种,快检不合格批次,抽检批次,抽检品种,抽检不合格批次,责令整改,检查发现';
