import type { Schemas } from '@redshield/api-client';

export type Unit = Schemas['Unit'];
export type UnitKind = Unit['kind'];
export const UNIT_KINDS: UnitKind[] = ['bureau', 'section', 'office', 'brigade'];

/** The fields of a unit the tree needs (tests build units with just these). */
export type TreeUnit = Pick<Unit, 'id' | 'parentId' | 'name' | 'code' | 'kind' | 'active'>;

export interface UnitNode<U extends TreeUnit = Unit> {
  unit: U;
  children: UnitNode<U>[];
}

/**
 * Builds the tree from parentId. The API lists what the caller may see (its unit and the subtree),
 * so a unit whose parent is not in the list is a root. Order among siblings follows the input
 * (the API sorts by depth, then code). A parent cycle (never sent by the API) cannot loop.
 */
export function buildUnitTree<U extends TreeUnit>(units: readonly U[]): UnitNode<U>[] {
  const nodes = new Map<string, UnitNode<U>>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode<U>[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent && parent !== node && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function isAncestor<U extends TreeUnit>(node: UnitNode<U>, candidate: UnitNode<U>): boolean {
  for (const child of node.children) if (child === candidate || isAncestor(child, candidate)) return true;
  return false;
}

/** The ids of a unit and every unit below it. */
export function subtreeIds(units: readonly TreeUnit[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** A unit's ancestors, from the topmost visible one down to its parent. */
export function ancestors<U extends TreeUnit>(units: readonly U[], id: string): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: U[] = [];
  const seen = new Set<string>([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId && byId.has(parentId) && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId)!;
    chain.unshift(parent);
    parentId = parent.parentId;
  }
  return chain;
}

/**
 * Where a unit may move: under an active bureau that is neither the unit itself, one of its
 * descendants, nor its current parent (the server checks the caller's scope as well).
 */
export function allowedParents<U extends TreeUnit>(units: readonly U[], unit: TreeUnit): U[] {
  const own = subtreeIds(units, unit.id);
  return units.filter((u) => u.kind === 'bureau' && u.active && !own.has(u.id) && u.id !== unit.parentId);
}

/**
 * Keeps the units whose name or code contains the query, with their ancestors (so they stay
 * reachable in the tree). An empty query keeps everything.
 */
export function filterUnits<U extends TreeUnit>(units: readonly U[], query: string): U[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...units];
  const keep = new Set<string>();
  for (const u of units) {
    if (u.name.toLowerCase().includes(q) || u.code.toLowerCase().includes(q)) {
      keep.add(u.id);
      for (const a of ancestors(units, u.id)) keep.add(a.id);
    }
  }
  return units.filter((u) => keep.has(u.id));
}

/** Counts of units by kind. */
export function countByKind(units: readonly TreeUnit[]): Record<UnitKind, number> {
  const counts: Record<UnitKind, number> = { bureau: 0, section: 0, office: 0, brigade: 0 };
  for (const u of units) counts[u.kind] += 1;
  return counts;
}

/** Tree data for antd Tree / TreeSelect: value = key = unit id. */
export interface UnitTreeOption {
  key: string;
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitTreeOption[];
}

export function toTreeOptions<U extends TreeUnit>(
  nodes: UnitNode<U>[],
  isDisabled?: (unit: U) => boolean,
): UnitTreeOption[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    value: unit.id,
    title: unit.name,
    disabled: isDisabled?.(unit) || undefined,
    children: toTreeOptions(children, isDisabled),
  }));
}
