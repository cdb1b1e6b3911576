import { describe, expect, it } from 'vitest';
import type { UnitKind } from '../units/units.schema';
import { bureauAbove, unitLabelBelow, unitsOwingPlan, type TreeUnit } from './owing-units';

// 市局 SH → 执法稽查处, 崇明区局 CM (→ 执法大队, 城桥所 → 城桥所一组), 浦东区局 PD (→ 执法大队).
const tree: (TreeUnit & { name: string })[] = [
  { id: 'sh', path: '/sh/', kind: 'bureau', name: '市局' },
  { id: 'zfjc', path: '/sh/zfjc/', kind: 'section', name: '执法稽查处' },
  { id: 'cm', path: '/sh/cm/', kind: 'bureau', name: '崇明区局' },
  { id: 'cmdd', path: '/sh/cm/cmdd/', kind: 'brigade', name: '执法大队' },
  { id: 'cqs', path: '/sh/cm/cqs/', kind: 'office', name: '城桥所' },
  { id: 'cqs1', path: '/sh/cm/cqs/cqs1/', kind: 'office', name: '一组' },
  { id: 'pd', path: '/sh/pd/', kind: 'bureau', name: '浦东区局' },
  { id: 'pddd', path: '/sh/pd/pddd/', kind: 'brigade', name: '执法大队' },
];
const kindOf = new Map<string, UnitKind>(tree.map((u) => [u.id, u.kind]));
const nameOf = new Map(tree.map((u) => [u.id, u.name]));
const ids = (units: TreeUnit[]) => units.map((u) => u.id);

describe('who owes a plan its reports', () => {
  it('a unit reports to its nearest bureau above, never to itself', () => {
    expect(bureauAbove(tree[3], kindOf)).toBe('cm');
    expect(bureauAbove(tree[2], kindOf)).toBe('sh');
    expect(bureauAbove(tree[5], kindOf)).toBe('cm'); // below an office, still the district's
    expect(bureauAbove(tree[0], kindOf)).toBeUndefined();
  });

  it('the city plan is owed by the districts and the city’s own departments only', () => {
    expect(ids(unitsOwingPlan('sh', tree, kindOf))).toEqual(['zfjc', 'cm', 'pd']);
  });

  it('a district plan is owed by that district’s departments, not by the district or another district’s', () => {
    expect(ids(unitsOwingPlan('cm', tree, kindOf))).toEqual(['cmdd', 'cqs', 'cqs1']);
  });

  it('only participants owe: a unit left out of the plan owes nothing', () => {
    expect(ids(unitsOwingPlan('sh', [tree[2]], kindOf))).toEqual(['cm']);
    expect(unitsOwingPlan('sh', [tree[3], tree[7]], kindOf)).toEqual([]);
  });
});

describe('how a unit is named on a board', () => {
  it('names the path below the issuer, so a repeated name is never bare', () => {
    expect(unitLabelBelow('sh', tree[2], nameOf)).toBe('崇明区局');
    expect(unitLabelBelow('sh', tree[3], nameOf)).toBe('崇明区局 / 执法大队');
    expect(unitLabelBelow('cm', tree[3], nameOf)).toBe('执法大队');
    expect(unitLabelBelow('cm', tree[5], nameOf)).toBe('城桥所 / 一组');
  });
});
