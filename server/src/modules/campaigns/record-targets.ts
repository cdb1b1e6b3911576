import { isPathWithin } from '../../platform/scope';
import type { UnitRow } from '../units/units.schema';
import type { CampaignRow } from './campaigns.schema';

/** A cell of an import resolved to what it names, or why it cannot be. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Where records of a campaign may go, for reading a spreadsheet: the units (by code, or by name
 * where the name is unique in the caller's scope) that take part in the campaign, and its
 * violation categories (by label or code). Loaded once per import, then resolved per row.
 */
export interface RecordTargets {
  campaign: CampaignRow;
  unit(ref: string): Resolved<UnitRow>;
  category(ref: string): Resolved<string>;
}

/**
 * Resolves a unit as a spreadsheet names it: its code, or its name where that name is unique among
 * the units given (the caller's scope).
 */
export function unitRefResolver(unitsInScope: UnitRow[]) {
  const byCode = new Map(unitsInScope.map((u) => [u.code, u]));
  const byName = new Map<string, UnitRow[]>();
  for (const u of unitsInScope) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  return (ref: string): Resolved<UnitRow> => {
    const text = ref.trim();
    const unit = byCode.get(text);
    if (unit) return { ok: true, value: unit };
    const named = byName.get(text) ?? [];
    if (named.length > 1) return { ok: false, message: `有 ${named.length} 个单位名为“${text}”，请填写单位代码` };
    if (named.length === 0)
      return { ok: false, message: `单位“${text}”不存在或不在您的权限范围内（可填写单位代码或名称）` };
    return { ok: true, value: named[0] };
  };
}

export function recordTargets(input: {
  campaign: CampaignRow;
  issuing: UnitRow;
  participantIds: string[];
  /** The active units in the caller's scope. */
  unitsInScope: UnitRow[];
  categories: { code: string; label: string }[];
}): RecordTargets {
  const { campaign, issuing, unitsInScope, categories } = input;
  const participants = new Set(input.participantIds);
  const resolveUnit = unitRefResolver(unitsInScope);
  const categoryByRef = new Map<string, string>();
  for (const c of categories) {
    categoryByRef.set(c.code, c.code);
    categoryByRef.set(c.label, c.code);
  }
  const takesPart = (u: UnitRow) => isPathWithin(u.path, issuing.path) || participants.has(u.id);

  return {
    campaign,
    unit(ref) {
      const found = resolveUnit(ref);
      if (found.ok && !takesPart(found.value))
        return { ok: false, message: `单位“${found.value.name}”未参加本专项行动` };
      return found;
    },
    category(ref) {
      const code = categoryByRef.get(ref.trim());
      if (!code)
        return {
          ok: false,
          message: `“${ref.trim()}”不是本行动的违法类型，应为：${categories.map((c) => c.label).join('、')}`,
        };
      return { ok: true, value: code };
    },
  };
}
