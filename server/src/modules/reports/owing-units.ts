import type { UnitKind } from '../units/units.schema';

/** A unit as the owing rule reads it: where it sits in the tree and what kind it is. */
export interface TreeUnit {
  id: string;
  path: string;
  kind: UnitKind;
}

/** The ids on a materialised path ("/<root>/…/<self>/"), root first, the unit itself last. */
export { unitIdsOnPath as idsOnPath } from '../../platform/scope';
import { unitIdsOnPath as idsOnPath } from '../../platform/scope';

/**
 * The bureau a unit reports to: its nearest ancestor that is a bureau, never the unit itself (a
 * district bureau reports to the city, its 科室/所/大队 to the district). `kindOf` must know the
 * unit's ancestors; an ancestor it does not know is not taken for a bureau. Pure.
 */
export function bureauAbove(unit: Pick<TreeUnit, 'path'>, kindOf: ReadonlyMap<string, UnitKind>): string | undefined {
  const ancestors = idsOnPath(unit.path).slice(0, -1);
  for (let i = ancestors.length - 1; i >= 0; i--) if (kindOf.get(ancestors[i]) === 'bureau') return ancestors[i];
  return undefined;
}

/**
 * Who owes a plan its reports (seeds 000 and 004: 各单位 report to the 领导小组办公室 of the plan
 * they are under): the participants whose nearest bureau above is the plan's issuer — the issuer's
 * own departments, brigades and offices, and each bureau directly below it. A district's
 * departments owe the district's implementation plan, not the city's plan; the district owes the
 * city its consolidated figures. The issuer owes its own plan nothing. Pure.
 */
export function unitsOwingPlan<U extends TreeUnit>(
  issuerId: string,
  participants: readonly U[],
  kindOf: ReadonlyMap<string, UnitKind>,
): U[] {
  return participants.filter((u) => u.id !== issuerId && bureauAbove(u, kindOf) === issuerId);
}

/**
 * How a unit is named on a plan's board: the names from just below the issuer down to the unit
 * ("崇明区局 / 执法大队"), so a name repeated across districts never stands alone. A unit outside the
 * issuer's subtree is named by its whole path. Pure.
 */
export function unitLabelBelow(
  issuerId: string,
  unit: Pick<TreeUnit, 'path'>,
  nameOf: ReadonlyMap<string, string>,
): string {
  const ids = idsOnPath(unit.path);
  const below = ids.slice(ids.indexOf(issuerId) + 1);
  return below.map((id) => nameOf.get(id) ?? '?').join(' / ');
}
