/**
 * 双随机抽取 — the "double random" draw of 双随机、一公开 (random entities, random inspectors).
 *
 * Pure and dependency-free apart from node:crypto: no database, no HTTP. Given the same seed and the
 * same inputs, every function here returns the same result on any machine, so a stored draw can be
 * re-run and checked by an auditor. Algorithm identifier: {@link DRAW_ALGORITHM}.
 *
 * How to re-implement (all strings UTF-8, all ids compared by UTF-16 code units, i.e. JS `<`):
 * 1. Random stream (随机数流): block k (k = 0, 1, 2, …) is SHA-256(seed + ":" + k), k in decimal.
 *    Each 32-byte block yields eight unsigned 32-bit words, read big-endian, in order; the stream is
 *    the concatenation of these words.
 * 2. Uniform integer in [0, n) (拒绝采样, no modulo bias): limit = 2^32 − (2^32 mod n); take words
 *    until one word w < limit, return w mod n. A rejected word is consumed and discarded.
 * 3. Entities (随机抽取检查对象): sort the candidate ids ascending; count = the given count, or
 *    ceil(share × m − 1e-9) (the epsilon absorbs floating-point noise, e.g. 0.07 × 100), at least 1;
 *    partial Fisher–Yates: for i = 0 … count−1, j = i + nextInt(m − i), swap a[i] and a[j].
 *    The draw order is a[0], a[1], …, a[count−1]. Stream: seed as given.
 * 4. Inspectors (随机选派执法检查人员): a second, independent stream with seed + ":inspectors".
 *    For each drawn entity in draw order: eligible = sorted inspector ids minus those tied to the
 *    entity (有关联关系、应当回避的人员); p = nextInt(e), q = nextInt(e − 1), if q ≥ p then q += 1;
 *    the pair is [eligible[p], eligible[q]] — two different people, uniform over ordered pairs.
 *    Using a separate stream means the entity draw can be checked on its own.
 */
import { createHash, randomBytes } from 'node:crypto';

export const DRAW_ALGORITHM = 'sha256-ctr32/rejection/partial-fisher-yates/v1';

const TWO_POW_32 = 0x1_0000_0000;

export interface SeededRandom {
  /** Uniform integer in [0, n); n must be an integer in [1, 2^32]. */
  nextInt(n: number): number;
}

/** A fresh draw seed (抽取种子): 16 random bytes as 32 lowercase hex characters. */
export function newDrawSeed(): string {
  return randomBytes(16).toString('hex');
}

/** The seeded, reproducible generator of steps 1–2 above (SHA-256 in counter mode + rejection sampling). */
export function createSeededRandom(seed: string): SeededRandom {
  if (typeof seed !== 'string' || seed.length === 0) throw new Error('抽取种子不能为空');
  let counter = 0;
  let block: Buffer = Buffer.alloc(0);
  let offset = 0;
  const nextUint32 = (): number => {
    if (offset >= block.length) {
      block = createHash('sha256').update(`${seed}:${counter}`, 'utf8').digest();
      counter += 1;
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
  return {
    nextInt(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new Error(`随机数范围无效：${n}`);
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      for (;;) {
        const word = nextUint32();
        if (word < limit) return word % n;
      }
    },
  };
}

/** Sorted copy by UTF-16 code units (locale-independent), refusing duplicates. */
function sortedUnique(ids: readonly string[], what: string): string[] {
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] === sorted[i - 1]) throw new Error(`${what}编号重复：${sorted[i]}`);
  }
  return sorted;
}

export type DrawSize = { share: number; count?: never } | { count: number; share?: never };

export type DrawEntitiesInput = { seed: string; candidates: readonly string[] } & DrawSize;

/** How many entities a draw takes: the given count, or ceil(share × m − 1e-9), at least 1. */
export function drawCount(size: DrawSize, candidates: number): number {
  const hasShare = size.share !== undefined;
  if (hasShare === (size.count !== undefined)) throw new Error('抽取比例和抽取数量须指定且只能指定其一');
  if (candidates === 0) throw new Error('没有符合条件的市场主体');
  if (hasShare) {
    const share = size.share as number;
    if (!Number.isFinite(share) || share <= 0 || share > 1) throw new Error(`抽取比例（${share}）应大于 0 且不超过 1`);
    return Math.min(candidates, Math.max(1, Math.ceil(share * candidates - 1e-9)));
  }
  const { count } = size as { count: number };
  if (!Number.isInteger(count) || count < 1) throw new Error(`抽取数量（${count}）应为正整数`);
  if (count > candidates) throw new Error(`抽取数量（${count}）超过可抽取的主体数量（${candidates}）`);
  return count;
}

/** 随机抽取检查对象: step 3 above. Returns the chosen entity ids in draw order. */
export function drawEntities(input: DrawEntitiesInput): string[] {
  const pool = sortedUnique(input.candidates, '市场主体');
  const count = drawCount(input, pool.length);
  const random = createSeededRandom(input.seed);
  for (let i = 0; i < count; i += 1) {
    const j = i + random.nextInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/** Ties (关联关系) between inspectors and entities: the inspector must not inspect that entity (回避). */
export type InspectorTies =
  ReadonlyMap<string, ReadonlySet<string> | readonly string[]> | readonly { entityId: string; inspectorId: string }[];

function tiesMap(ties: InspectorTies | undefined): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (entityId: string, inspectorId: string) => {
    const set = map.get(entityId) ?? new Set<string>();
    set.add(inspectorId);
    map.set(entityId, set);
  };
  if (!ties) return map;
  if (Array.isArray(ties)) {
    for (const t of ties as readonly { entityId: string; inspectorId: string }[]) add(t.entityId, t.inspectorId);
  } else {
    for (const [entityId, ids] of ties as ReadonlyMap<string, Iterable<string>>)
      for (const id of ids) add(entityId, id);
  }
  return map;
}

export interface AssignInspectorsInput {
  seed: string;
  /** Drawn entity ids, in draw order (the output of {@link drawEntities}). */
  entityIds: readonly string[];
  /** Eligible inspector ids (执法检查人员名录); order does not matter. */
  inspectors: readonly string[];
  ties?: InspectorTies;
}

/** The seed of the inspector stream, derived from the draw seed. */
export const inspectorSeed = (seed: string): string => `${seed}:inspectors`;

/** 随机选派执法检查人员: step 4 above. One ordered pair of two different inspectors per entity. */
export function assignInspectors(input: AssignInspectorsInput): [string, string][] {
  if (typeof input.seed !== 'string' || input.seed.length === 0) throw new Error('抽取种子不能为空');
  const inspectors = sortedUnique(input.inspectors, '执法人员');
  const ties = tiesMap(input.ties);
  const random = createSeededRandom(inspectorSeed(input.seed));
  return input.entityIds.map((entityId) => {
    const tied = ties.get(entityId);
    const eligible = tied ? inspectors.filter((id) => !tied.has(id)) : inspectors;
    if (eligible.length < 2) throw new Error(`主体 ${entityId} 可选的执法人员不足两名（已排除有关联关系的人员）`);
    const p = random.nextInt(eligible.length);
    let q = random.nextInt(eligible.length - 1);
    if (q >= p) q += 1;
    return [eligible[p], eligible[q]];
  });
}

export type RunDrawInput = DrawEntitiesInput & { inspectors: readonly string[]; ties?: InspectorTies };

export interface DrawItem {
  /** 1-based position in the draw order (抽取顺序号). */
  seq: number;
  entityId: string;
  inspectorIds: [string, string];
}

export interface DrawResult {
  items: DrawItem[];
}

/** The whole 双随机 draw: entities (step 3), then a pair of inspectors for each (step 4). */
export function runDraw(input: RunDrawInput): DrawResult {
  const entityIds = drawEntities(input);
  const pairs = assignInspectors({ seed: input.seed, entityIds, inspectors: input.inspectors, ties: input.ties });
  return { items: entityIds.map((entityId, i) => ({ seq: i + 1, entityId, inspectorIds: pairs[i] })) };
}

export interface VerifyResult {
  reproducible: boolean;
  /** 0-based index into the items of the first item that differs (or where one list ends early). */
  firstDifference?: number;
}

/**
 * Re-runs the draw from its stored inputs and compares it with the stored items (seq, entity, and
 * both inspectors in order). Invalid inputs throw, as in {@link runDraw}.
 */
export function verifyDraw(input: RunDrawInput, storedItems: readonly DrawItem[]): VerifyResult {
  const { items } = runDraw(input);
  const length = Math.max(items.length, storedItems.length);
  for (let i = 0; i < length; i += 1) {
    const a = items[i];
    const b = storedItems[i];
    const same =
      a !== undefined &&
      b !== undefined &&
      a.seq === b.seq &&
      a.entityId === b.entityId &&
      b.inspectorIds?.length === 2 &&
      a.inspectorIds[0] === b.inspectorIds[0] &&
      a.inspectorIds[1] === b.inspectorIds[1];
    if (!same) return { reproducible: false, firstDifference: i };
  }
  return { reproducible: true };
}
