import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assignInspectors,
  createSeededRandom,
  drawCount,
  drawEntities,
  newDrawSeed,
  runDraw,
  verifyDraw,
  type DrawItem,
  type RunDrawInput,
} from './random-draw';

const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquare(observed: number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  const expected = total / observed.length;
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
}

/** An independent, deliberately naive re-implementation of the documented stream, for a cross-check. */
function referenceInts(seed: string, ns: number[]): number[] {
  const words: number[] = [];
  let k = 0;
  const word = (): number => {
    if (words.length === 0) {
      const digest = createHash('sha256')
        .update(seed + ':' + k)
        .digest();
      k += 1;
      for (let i = 0; i < 32; i += 4) words.push(digest.readUInt32BE(i));
    }
    return words.shift() as number;
  };
  return ns.map((n) => {
    const limit = 2 ** 32 - (2 ** 32 % n);
    let w = word();
    while (w >= limit) w = word();
    return w % n;
  });
}

describe('seeded random stream (SHA-256 counter mode + rejection sampling)', () => {
  it('matches an independent re-implementation of the documented algorithm, including rejections', () => {
    // n = 2^31 + 1 rejects about half of all words, so this exercises the rejection path.
    const ns = [2, 3, 10, 40, 2 ** 31 + 1, 7, 2 ** 31 + 1, 2 ** 31 + 1, 1000, 2 ** 32, 1, 5, 2 ** 31 + 1, 13];
    for (const seed of ['abc', '双随机-2026', newDrawSeed()]) {
      const random = createSeededRandom(seed);
      expect(ns.map((n) => random.nextInt(n))).toEqual(referenceInts(seed, ns));
    }
  });

  it('is pinned to known-answer vectors (also checked with an independent Python script)', () => {
    const random = createSeededRandom('redshield');
    expect(Array.from({ length: 8 }, () => random.nextInt(1000))).toEqual([356, 423, 738, 559, 208, 585, 947, 58]);
    expect(runDraw({ seed: 'redshield', candidates: ids('E', 40), count: 3, inspectors: ids('I', 8) })).toEqual({
      items: [
        { seq: 1, entityId: 'E-0036', inspectorIds: ['I-0000', 'I-0002'] },
        { seq: 2, entityId: 'E-0025', inspectorIds: ['I-0007', 'I-0000'] },
        { seq: 3, entityId: 'E-0038', inspectorIds: ['I-0005', 'I-0001'] },
      ],
    });
  });

  it('yields uniform small integers (chi-square, df = 6, p = 0.001 → 22.46)', () => {
    const random = createSeededRandom('uniform');
    const counts = Array(7).fill(0);
    for (let i = 0; i < 35_000; i += 1) counts[random.nextInt(7)] += 1;
    expect(chiSquare(counts)).toBeLessThan(22.46);
  });

  it('refuses an invalid range and an empty seed', () => {
    const random = createSeededRandom('x');
    expect(() => random.nextInt(0)).toThrow('随机数范围无效');
    expect(() => random.nextInt(2.5)).toThrow('随机数范围无效');
    expect(() => random.nextInt(2 ** 32 + 1)).toThrow('随机数范围无效');
    expect(() => createSeededRandom('')).toThrow('抽取种子不能为空');
  });

  it('makes fresh seeds of 32 hex characters', () => {
    const a = newDrawSeed();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newDrawSeed()).not.toBe(a);
  });
});

describe('drawEntities (随机抽取检查对象)', () => {
  const candidates = ids('E', 40);

  it('is reproducible, depends on the seed, and not on the order of the candidates', () => {
    const a = drawEntities({ seed: 's1', candidates, count: 10 });
    expect(drawEntities({ seed: 's1', candidates, count: 10 })).toEqual(a);
    expect(drawEntities({ seed: 's1', candidates: [...candidates].reverse(), count: 10 })).toEqual(a);
    const shuffled = [
      ...candidates.filter((_, i) => i % 3 === 2),
      ...candidates.filter((_, i) => i % 3 !== 2).reverse(),
    ];
    expect(drawEntities({ seed: 's1', candidates: shuffled, count: 10 })).toEqual(a);
    expect(drawEntities({ seed: 's2', candidates, count: 10 })).not.toEqual(a);
    expect(new Set(a).size).toBe(10);
    for (const id of a) expect(candidates).toContain(id);
  });

  it('does not modify the caller’s list', () => {
    const list = [...candidates].reverse();
    const copy = [...list];
    drawEntities({ seed: 'x', candidates: list, count: 5 });
    expect(list).toEqual(copy);
  });

  it('follows the partial Fisher–Yates procedure on the sorted ids', () => {
    const ns = [40, 39, 38];
    const [j0, j1, j2] = referenceInts('fy', ns);
    const a = [...candidates];
    const swap = (i: number, j: number) => ([a[i], a[j]] = [a[j], a[i]]);
    swap(0, j0);
    swap(1, 1 + j1);
    swap(2, 2 + j2);
    expect(drawEntities({ seed: 'fy', candidates, count: 3 })).toEqual(a.slice(0, 3));
  });

  it('takes the right number of entities', () => {
    expect(drawEntities({ seed: 's', candidates: ids('E', 1000), share: 0.05 })).toHaveLength(50);
    expect(drawCount({ share: 0.07 }, 100)).toBe(7); // 0.07 × 100 = 7.000000000000001 in floating point
    expect(drawCount({ share: 0.05 }, 1001)).toBe(51); // rounds up
    expect(drawCount({ share: 0.001 }, 10)).toBe(1); // at least one
    expect(drawCount({ share: 1 }, 10)).toBe(10);
    expect(drawEntities({ seed: 's', candidates, count: 7 })).toHaveLength(7);
    const all = drawEntities({ seed: 's', candidates, count: 40 });
    expect([...all].sort()).toEqual(candidates);
    expect(drawEntities({ seed: 's', candidates: ['only'], share: 0.5 })).toEqual(['only']);
  });

  it('refuses bad inputs with Chinese messages', () => {
    expect(() => drawEntities({ seed: 's', candidates, count: 41 })).toThrow(
      '抽取数量（41）超过可抽取的主体数量（40）',
    );
    expect(() => drawEntities({ seed: 's', candidates: [], count: 1 })).toThrow('没有符合条件的市场主体');
    expect(() => drawEntities({ seed: 's', candidates: [], share: 0.1 })).toThrow('没有符合条件的市场主体');
    expect(() => drawEntities({ seed: 's', candidates, share: 0 })).toThrow('抽取比例（0）应大于 0 且不超过 1');
    expect(() => drawEntities({ seed: 's', candidates, share: 1.5 })).toThrow('抽取比例（1.5）应大于 0 且不超过 1');
    expect(() => drawEntities({ seed: 's', candidates, share: Number.NaN })).toThrow('抽取比例');
    expect(() => drawEntities({ seed: 's', candidates, count: 0 })).toThrow('抽取数量（0）应为正整数');
    expect(() => drawEntities({ seed: 's', candidates, count: 2.5 })).toThrow('应为正整数');
    expect(() => drawEntities({ seed: 's', candidates: ['a', 'b', 'a'], count: 1 })).toThrow('市场主体编号重复：a');
    expect(() => drawEntities({ seed: '', candidates, count: 1 })).toThrow('抽取种子不能为空');
    const both = { seed: 's', candidates, count: 1, share: 0.5 } as unknown as RunDrawInput;
    expect(() => drawEntities(both)).toThrow('须指定且只能指定其一');
    const neither = { seed: 's', candidates } as unknown as RunDrawInput;
    expect(() => drawEntities(neither)).toThrow('须指定且只能指定其一');
  });

  it('can draw every eligible entity (2,000 draws of 5 out of 40)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1)
      for (const id of drawEntities({ seed: `cover-${i}`, candidates, count: 5 })) seen.add(id);
    expect(seen.size).toBe(40);
  });

  it('is fair: 4,000 draws of 1 out of 20 pass a chi-square test (df = 19, p = 0.001 → 43.82)', () => {
    const pool = ids('F', 20);
    const counts = new Map(pool.map((id) => [id, 0]));
    for (let i = 0; i < 4000; i += 1) {
      const [id] = drawEntities({ seed: `fair-${i}`, candidates: pool, count: 1 });
      counts.set(id, (counts.get(id) as number) + 1);
    }
    expect(chiSquare([...counts.values()])).toBeLessThan(43.82);
  });

  it('is fair at every position of the draw order (3 out of 10, df = 9, p = 0.001 → 27.88)', () => {
    const pool = ids('P', 10);
    const byPosition = [0, 1, 2].map(() => Array(10).fill(0));
    for (let i = 0; i < 3000; i += 1) {
      drawEntities({ seed: `pos-${i}`, candidates: pool, count: 3 }).forEach(
        (id, k) => (byPosition[k][pool.indexOf(id)] += 1),
      );
    }
    for (const counts of byPosition) expect(chiSquare(counts)).toBeLessThan(27.88);
  });
});

describe('assignInspectors (随机选派执法检查人员)', () => {
  const inspectors = ids('I', 8);
  const entityIds = ids('E', 30);

  it('gives every entity two different inspectors and never a tied one (回避)', () => {
    const ties = [
      { entityId: entityIds[0], inspectorId: inspectors[0] },
      { entityId: entityIds[0], inspectorId: inspectors[1] },
      { entityId: entityIds[5], inspectorId: inspectors[7] },
    ];
    const tiesAsMap = new Map([
      [entityIds[0], new Set([inspectors[0], inspectors[1]])],
      [entityIds[5], new Set([inspectors[7]])],
    ]);
    const problems: string[] = [];
    const seenForEntity0 = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const pairs = assignInspectors({ seed: `pair-${i}`, entityIds, inspectors, ties });
      if (pairs.length !== 30) problems.push(`draw ${i}: ${pairs.length} pairs`);
      pairs.forEach(([a, b], k) => {
        if (a === b) problems.push(`draw ${i}, entity ${k}: same inspector twice`);
        if (!inspectors.includes(a) || !inspectors.includes(b))
          problems.push(`draw ${i}, entity ${k}: unknown inspector`);
        const tied = tiesAsMap.get(entityIds[k]);
        if (tied && (tied.has(a) || tied.has(b))) problems.push(`draw ${i}, entity ${k}: tied inspector assigned`);
      });
      pairs[0].forEach((id) => seenForEntity0.add(id));
      if (
        JSON.stringify(assignInspectors({ seed: `pair-${i}`, entityIds, inspectors, ties: tiesAsMap })) !==
        JSON.stringify(pairs)
      ) {
        problems.push(`draw ${i}: ties as a Map give another result`);
      }
    }
    expect(problems).toEqual([]);
    // Every eligible inspector (all but the two tied ones) does get assigned to entity 0.
    expect([...seenForEntity0].sort()).toEqual(inspectors.slice(2));
  });

  it('does not depend on the order of the inspectors', () => {
    const a = assignInspectors({ seed: 'o', entityIds, inspectors });
    expect(assignInspectors({ seed: 'o', entityIds, inspectors: [...inspectors].reverse() })).toEqual(a);
    expect(assignInspectors({ seed: 'p', entityIds, inspectors })).not.toEqual(a);
  });

  it('uses its own stream, seeded with seed + ":inspectors"', () => {
    const [p, q0] = referenceInts('k:inspectors', [8, 7]);
    const q = q0 >= p ? q0 + 1 : q0;
    expect(assignInspectors({ seed: 'k', entityIds: ['E'], inspectors })).toEqual([[inspectors[p], inspectors[q]]]);
  });

  it('selects inspectors fairly (chi-square, df = 9, p = 0.001 → 27.88)', () => {
    const pool = ids('I', 10);
    const counts = Array(10).fill(0);
    const pairs = assignInspectors({ seed: 'inspector-fairness', entityIds: ids('E', 3000), inspectors: pool });
    for (const [a, b] of pairs) {
      counts[pool.indexOf(a)] += 1;
      counts[pool.indexOf(b)] += 1;
    }
    expect(chiSquare(counts)).toBeLessThan(27.88);
  });

  it('selects ordered pairs uniformly (6 inspectors → 30 pairs, df = 29, p = 0.001 → 58.30)', () => {
    const pool = ids('I', 6);
    const counts = new Map<string, number>();
    const pairs = assignInspectors({ seed: 'pair-fairness', entityIds: ids('E', 3000), inspectors: pool });
    for (const [a, b] of pairs) counts.set(`${a}|${b}`, (counts.get(`${a}|${b}`) ?? 0) + 1);
    expect(counts.size).toBe(30);
    expect(chiSquare([...counts.values()])).toBeLessThan(58.3);
  });

  it('refuses when fewer than two inspectors remain for an entity', () => {
    const ties = new Map([['E-9', [inspectors[0]]]]);
    expect(() =>
      assignInspectors({ seed: 's', entityIds: ['E-1', 'E-9'], inspectors: inspectors.slice(0, 2), ties }),
    ).toThrow('主体 E-9 可选的执法人员不足两名（已排除有关联关系的人员）');
    expect(() => assignInspectors({ seed: 's', entityIds: ['E-1'], inspectors: ['solo'] })).toThrow(
      '主体 E-1 可选的执法人员不足两名',
    );
    expect(() => assignInspectors({ seed: 's', entityIds: ['E-1'], inspectors: ['a', 'b', 'a'] })).toThrow(
      '执法人员编号重复：a',
    );
    expect(assignInspectors({ seed: 's', entityIds: [], inspectors: [] })).toEqual([]);
  });
});

describe('runDraw and verifyDraw', () => {
  const input: RunDrawInput = {
    seed: 'audit-2026-q1',
    candidates: ids('E', 200),
    share: 0.05,
    inspectors: ids('I', 12),
    ties: [{ entityId: 'E-0003', inspectorId: 'I-0001' }],
  };

  it('combines both draws with 1-based sequence numbers', () => {
    const { items } = runDraw(input);
    expect(items).toHaveLength(10);
    expect(items.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(items.map((item) => item.entityId)).toEqual(drawEntities(input));
    expect(items.map((item) => item.inspectorIds)).toEqual(
      assignInspectors({
        seed: input.seed,
        entityIds: drawEntities(input),
        inspectors: input.inspectors,
        ties: input.ties,
      }),
    );
    expect(runDraw(input)).toEqual({ items });
  });

  it('confirms an untouched stored result', () => {
    const stored = JSON.parse(JSON.stringify(runDraw(input).items)) as DrawItem[];
    expect(verifyDraw(input, stored)).toEqual({ reproducible: true });
  });

  it('detects a tampered stored result and reports the first difference', () => {
    const { items } = runDraw(input);
    const clone = (): DrawItem[] =>
      items.map((item) => ({ ...item, inspectorIds: [...item.inspectorIds] as [string, string] }));

    const swappedEntity = clone();
    swappedEntity[3].entityId = input.candidates.find((id) => !items.some((item) => item.entityId === id)) as string;
    expect(verifyDraw(input, swappedEntity)).toEqual({ reproducible: false, firstDifference: 3 });

    const swappedInspector = clone();
    swappedInspector[6].inspectorIds = [swappedInspector[6].inspectorIds[1], swappedInspector[6].inspectorIds[0]];
    expect(verifyDraw(input, swappedInspector)).toEqual({ reproducible: false, firstDifference: 6 });

    expect(verifyDraw(input, clone().slice(0, 8))).toEqual({ reproducible: false, firstDifference: 8 });
    expect(
      verifyDraw(input, [...clone(), { seq: 11, entityId: 'E-0199', inspectorIds: ['I-0000', 'I-0002'] }]),
    ).toEqual({
      reproducible: false,
      firstDifference: 10,
    });
    const renumbered = clone();
    renumbered[0].seq = 0;
    expect(verifyDraw(input, renumbered)).toEqual({ reproducible: false, firstDifference: 0 });
    expect(verifyDraw({ ...input, seed: 'another-seed' }, clone()).reproducible).toBe(false);
  });
});
