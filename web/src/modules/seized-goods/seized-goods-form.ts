import type { DisposalBody, DisposalKind, SeizedGoods, SeizedGoodsBody, SeizureMeasure } from './api';

/** What the server takes as a quantity (numeric(16,3)): digits, at most 3 decimals, written as text. */
export const QUANTITY_PATTERN = /^\d{1,13}(\.\d{1,3})?$/;

/** The custody form's values: what the API takes, optional texts possibly empty. */
export interface SeizedGoodsValues {
  unitId?: string;
  campaignId?: string;
  categoryCode?: string;
  goods?: string;
  measure?: SeizureMeasure;
  quantity?: string;
  quantityUnit?: string;
  description?: string | null;
  place?: string;
  custodianId?: string;
  seizedDate?: string | null;
  inspectionId?: string | null;
  inspectionSeizureId?: string | null;
  caseId?: string | null;
  entityId?: string | null;
  ownerName?: string | null;
  note?: string | null;
}

const text = (v: string | null | undefined) => v?.trim() || null;

/** The body the API takes: the quantity as the exact text typed (never a number), texts trimmed. Pure. */
export function seizedGoodsBody(v: SeizedGoodsValues): SeizedGoodsBody {
  return {
    unitId: v.unitId ?? '',
    campaignId: v.campaignId ?? '',
    categoryCode: v.categoryCode ?? '',
    goods: v.goods?.trim() ?? '',
    measure: v.measure ?? 'detained',
    quantity: v.quantity?.trim() ?? '',
    quantityUnit: v.quantityUnit?.trim() ?? '',
    description: text(v.description),
    place: v.place?.trim() ?? '',
    custodianId: v.custodianId ?? '',
    seizedDate: v.seizedDate ?? '',
    inspectionId: v.inspectionId || null,
    inspectionSeizureId: (v.inspectionId && v.inspectionSeizureId) || null,
    caseId: v.caseId || null,
    entityId: v.entityId || null,
    ownerName: text(v.ownerName),
    note: text(v.note),
  };
}

/** A stored record as the form's values (editing). */
export function seizedGoodsValues(r: SeizedGoods): SeizedGoodsValues {
  return {
    unitId: r.unitId,
    campaignId: r.campaignId,
    categoryCode: r.categoryCode,
    goods: r.goods,
    measure: r.measure,
    quantity: r.quantity,
    quantityUnit: r.quantityUnit,
    description: r.description,
    place: r.place,
    custodianId: r.custodianId,
    seizedDate: r.seizedDate,
    inspectionId: r.inspectionId,
    inspectionSeizureId: r.inspectionSeizureId,
    caseId: r.caseId,
    entityId: r.entityId,
    ownerName: r.ownerName,
    note: r.note,
  };
}

export interface DisposalValues {
  kind?: DisposalKind;
  disposalDate?: string | null;
  quantity?: string;
  method?: string | null;
  witnesses?: string[];
  recipient?: string | null;
  basis?: string | null;
  note?: string | null;
}

/** A disposal's body: witnesses trimmed, blanks and repeats dropped; the quantity as typed. Pure. */
export function disposalBody(v: DisposalValues, version: number): DisposalBody {
  const witnesses = [...new Set((v.witnesses ?? []).map((w) => w.trim()).filter(Boolean))];
  return {
    kind: v.kind ?? 'destroyed',
    disposalDate: v.disposalDate ?? '',
    quantity: v.quantity?.trim() ?? '',
    method: text(v.method),
    witnesses,
    recipient: text(v.recipient),
    basis: text(v.basis),
    note: text(v.note),
    version,
  };
}

/** Where a photo was taken, as people read it (31.622512°N, 121.397843°E), or null. */
export function photoPlace(lat: string | null, lng: string | null): string | null {
  if (lat === null || lng === null) return null;
  const ns = lat.startsWith('-') ? 'S' : 'N';
  const ew = lng.startsWith('-') ? 'W' : 'E';
  return `${lat.replace(/^-/, '')}°${ns}, ${lng.replace(/^-/, '')}°${ew}`;
}
