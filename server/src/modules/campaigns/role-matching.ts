import type { UnitRow } from '../units/units.schema';

/**
 * Matches the role names a plan prints ("食品生产监督管理科", "执法大队", "各市场监管所") to the units
 * of a bureau's subtree. Exact names match one unit; the collective names of grassroots offices
 * and brigades match every unit of that kind. What does not match stays for the office to assign.
 */
const COLLECTIVE: { pattern: RegExp; kind: UnitRow['kind'] }[] = [
  {
    pattern: /^(各|基层)?(市场监管所|市场监督管理所|市场所|所)$|^各(市场监管|市场监督管理)?所$|^基层市场(监管)?所$/,
    kind: 'office',
  },
  { pattern: /^(各)?执法大队$/, kind: 'brigade' },
];

const normalise = (s: string) => s.replace(/[\s（）()]/g, '');

export function matchRole(role: string, subtree: UnitRow[]): UnitRow[] {
  const r = normalise(role);
  const exact = subtree.filter((u) => normalise(u.name) === r);
  if (exact.length) return exact;
  for (const c of COLLECTIVE) if (c.pattern.test(r)) return subtree.filter((u) => u.kind === c.kind);
  // A section named with its bureau's prefix ("崇明区局执法监督管理科") or the role given short ("知识产权科").
  const suffix = subtree.filter(
    (u) => u.kind !== 'bureau' && (normalise(u.name).endsWith(r) || r.endsWith(normalise(u.name))),
  );
  return suffix.length === 1 ? suffix : [];
}

/** Splits role names into matched unit ids and the names left pending. */
export function matchRoles(roles: string[], subtree: UnitRow[]): { unitIds: string[]; pending: string[] } {
  const unitIds = new Set<string>();
  const pending: string[] = [];
  for (const role of roles) {
    const found = matchRole(role, subtree);
    if (found.length) found.forEach((u) => unitIds.add(u.id));
    else pending.push(role);
  }
  return { unitIds: [...unitIds], pending };
}
