import { describe, expect, it } from 'vitest';
import {
  allowedParents,
  ancestors,
  buildUnitTree,
  countByKind,
  filterUnits,
  subtreeIds,
  toTreeOptions,
  type TreeUnit,
  type UnitNode,
} from './tree';

const u = (id: string, parentId: string | null, kind: TreeUnit['kind'] = 'bureau', active = true): TreeUnit => ({
  id,
  parentId,
  name: `单位${id}`,
  code: id.toUpperCase(),
  kind,
  active,
});

// SH ─┬─ SH-ZFJC (section)
//     ├─ CM ─┬─ CM-BGS (section)
//     │      └─ CM-CQS (office)
//     └─ PD ── PD-LJZS (office, inactive)
const units: TreeUnit[] = [
  u('sh', null),
  u('sh-zfjc', 'sh', 'section'),
  u('cm', 'sh'),
  u('pd', 'sh'),
  u('cm-bgs', 'cm', 'section'),
  u('cm-cqs', 'cm', 'office'),
  u('pd-ljzs', 'pd', 'office', false),
];

const shape = (nodes: UnitNode<TreeUnit>[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.unit.id]: shape(n.children) } : n.unit.id));

describe('buildUnitTree', () => {
  it('nests units under their parents, keeping the input order', () => {
    expect(shape(buildUnitTree(units))).toEqual([
      { sh: ['sh-zfjc', { cm: ['cm-bgs', 'cm-cqs'] }, { pd: ['pd-ljzs'] }] },
    ]);
  });

  it('makes a unit whose parent is not visible a root (a district user sees its own subtree)', () => {
    const visible = units.filter((x) => x.id.startsWith('cm'));
    expect(shape(buildUnitTree(visible))).toEqual([{ cm: ['cm-bgs', 'cm-cqs'] }]);
  });

  it('returns several roots when needed and an empty list for no units', () => {
    expect(shape(buildUnitTree([u('a', 'x'), u('b', 'y')]))).toEqual(['a', 'b']);
    expect(buildUnitTree([])).toEqual([]);
  });

  it('does not loop on a parent cycle', () => {
    const tree = buildUnitTree([u('a', 'b'), u('b', 'a')]);
    expect(tree).toHaveLength(1);
    expect(shape(tree)).toEqual([{ b: ['a'] }]);
  });

  it('keeps every unit exactly once', () => {
    const seen: string[] = [];
    const walk = (nodes: UnitNode<TreeUnit>[]) => nodes.forEach((n) => (seen.push(n.unit.id), walk(n.children)));
    walk(buildUnitTree(units));
    expect(seen.sort()).toEqual(units.map((x) => x.id).sort());
  });
});

describe('subtreeIds and ancestors', () => {
  it('collects a unit and all below it', () => {
    expect([...subtreeIds(units, 'cm')].sort()).toEqual(['cm', 'cm-bgs', 'cm-cqs']);
    expect(subtreeIds(units, 'sh').size).toBe(units.length);
    expect([...subtreeIds(units, 'cm-bgs')]).toEqual(['cm-bgs']);
  });

  it('lists ancestors from the top down', () => {
    expect(ancestors(units, 'cm-cqs').map((x) => x.id)).toEqual(['sh', 'cm']);
    expect(ancestors(units, 'sh')).toEqual([]);
  });
});

describe('allowedParents', () => {
  it('offers active bureaus outside the unit subtree, other than the current parent', () => {
    expect(
      allowedParents(
        units,
        units.find((x) => x.id === 'cm-cqs')!,
      ).map((x) => x.id),
    ).toEqual(['sh', 'pd']);
    expect(
      allowedParents(
        units,
        units.find((x) => x.id === 'cm')!,
      ).map((x) => x.id),
    ).toEqual(['pd']);
  });

  it('leaves out inactive bureaus', () => {
    const withInactive = [...units.filter((x) => x.id !== 'pd'), u('pd', 'sh', 'bureau', false)];
    expect(
      allowedParents(
        withInactive,
        units.find((x) => x.id === 'cm-cqs')!,
      ).map((x) => x.id),
    ).toEqual(['sh']);
  });
});

describe('filterUnits', () => {
  it('keeps matches and their ancestors', () => {
    expect(filterUnits(units, 'CQS').map((x) => x.id)).toEqual(['sh', 'cm', 'cm-cqs']);
    expect(filterUnits(units, '单位pd').map((x) => x.id)).toEqual(['sh', 'pd', 'pd-ljzs']);
    expect(filterUnits(units, '  ')).toHaveLength(units.length);
    expect(filterUnits(units, 'nothing')).toEqual([]);
  });
});

describe('countByKind and toTreeOptions', () => {
  it('counts units by kind', () => {
    expect(countByKind(units)).toEqual({ bureau: 3, section: 2, office: 2, brigade: 0 });
  });

  it('builds TreeSelect options with disabled units', () => {
    const options = toTreeOptions(
      buildUnitTree(units.filter((x) => x.id.startsWith('cm'))),
      (x) => x.kind !== 'bureau',
    );
    expect(options).toEqual([
      {
        key: 'cm',
        value: 'cm',
        title: '单位cm',
        disabled: undefined,
        children: [
          { key: 'cm-bgs', value: 'cm-bgs', title: '单位cm-bgs', disabled: true, children: [] },
          { key: 'cm-cqs', value: 'cm-cqs', title: '单位cm-cqs', disabled: true, children: [] },
        ],
      },
    ]);
  });
});
