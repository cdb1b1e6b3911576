/**
 * A synthetic country (or city) of market regulation, deterministic from a seed: the unit tree,
 * one national campaign (the 铁拳 template), and spreadsheets of cases, inspections and leads with
 * skewed categories, seasonal dates, long-tailed amounts and flags. The records are loaded through
 * the application's own import services (the path bureaus use for bulk data), not raw INSERTs.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { systemActor } from '../src/platform/actor';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import type { Services } from '../src/services';

export interface Scale {
  name: 'full' | 'quick';
  /** Children per level below the root: [provinces, cities per province, counties per city, offices per county]. */
  fanout: number[];
  cases: number;
  inspections: number;
  leads: number;
}

export const FULL: Scale = {
  name: 'full',
  fanout: [31, 11, 8.5, 13],
  cases: 1_000_000,
  inspections: 5_000_000,
  leads: 2_000_000,
};
/** A city: 16 districts of 17 sections and offices each (about 300 units). */
/** A smoke run of the benchmark's code (seconds), not a measurement: `npm run bench -- --smoke`. */
export const SMOKE: Scale = { name: 'quick', fanout: [3, 5], cases: 2_000, inspections: 5_000, leads: 2_000 };
export const QUICK: Scale = { name: 'quick', fanout: [16, 17], cases: 100_000, inspections: 500_000, leads: 200_000 };

/** mulberry32: a small deterministic generator for the synthetic data (not for draws). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    /** Index 0…n−1 with Zipf-like weights (the first categories and units are the busiest). */
    skewed: (n: number) => Math.min(n - 1, Math.floor(n * next() ** 2.2)),
    chance: (p: number) => next() < p,
  };
}

export interface Tree {
  rootId: string;
  /** Units by depth (0 = root). */
  levels: { id: string; code: string }[][];
  leaves: { id: string; code: string }[];
  count: number;
}

/** Creates the unit tree through the units service (the same checks and audit as the UI). */
export async function buildTree(services: Services, scale: Scale, onProgress: (n: number) => void): Promise<Tree> {
  const r = rng(7);
  const root = await services.unitsService.create(systemActor, {
    parentId: null,
    name: scale.name === 'full' ? '国家市场监督管理总局' : '某市市场监督管理局',
    code: 'R',
    kind: 'bureau',
  });
  const levels: { id: string; code: string }[][] = [[{ id: root.id, code: 'R' }]];
  let count = 1;
  for (let depth = 0; depth < scale.fanout.length; depth++) {
    const leafLevel = depth === scale.fanout.length - 1;
    const next: { id: string; code: string }[] = [];
    for (const parent of levels[depth]) {
      const f = scale.fanout[depth];
      const children = Math.max(1, Math.floor(f) + (r.chance(f - Math.floor(f)) ? 1 : 0));
      for (let i = 0; i < children; i++) {
        const code = `${parent.code}-${i + 1}`;
        const kind = leafLevel ? (i === 0 ? 'brigade' : i < 4 ? 'section' : 'office') : 'bureau';
        const unit = await services.unitsService.create(systemActor, {
          parentId: parent.id,
          name: `${leafLevel ? '单位' : '市场监管局'}${code}`,
          code,
          kind,
        });
        next.push({ id: unit.id, code });
        count += 1;
        if (count % 500 === 0) onProgress(count);
      }
    }
    levels.push(next);
  }
  return { rootId: root.id, levels, leaves: levels[levels.length - 1], count };
}

/** The campaign every record belongs to: the 铁拳 template issued by the root. */
export async function createCampaign(services: Services, rootId: string, year: number) {
  const c = await services.campaignTemplatesService.createFromTemplate(systemActor, {
    template: 'tiequan-2021',
    unitId: rootId,
    year,
  });
  const all = (await services.campaignsService.get(systemActor, c.id)).categories as { code: string; label: string }[];
  return { campaignId: c.id, categories: all.map((x) => x.label), categoryCodes: all.map((x) => x.code) };
}

const day = (year: number, r: ReturnType<typeof rng>) => {
  // Busier in spring and autumn campaigns; every day of the year possible.
  const d = Math.min(364, Math.floor(365 * (r.chance(0.3) ? 0.25 + r.next() * 0.2 : r.next())));
  return new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10);
};
const money = (r: ReturnType<typeof rng>, scale: number) =>
  r.chance(0.3) ? '0' : (Math.exp(r.next() * Math.log(scale)) - 1).toFixed(2);

async function writeCsv(path: string, header: string, rows: number, row: (i: number) => string) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < rows; i++) if (!out.write(`${row(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Writes one spreadsheet of cases (the ledger import's columns) for rows [from, from + n). */
export function writeCasesCsv(
  path: string,
  tree: Tree,
  categories: string[],
  year: number,
  from: number,
  n: number,
  seed: number,
) {
  const r = rng(seed);
  const header =
    '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
  return writeCsv(path, header, n, (k) => {
    const i = from + k;
    const unit = tree.leaves[r.skewed(tree.leaves.length)];
    const filed = day(year, r);
    const closed = r.chance(0.6)
      ? new Date(Math.min(Date.parse(`${year}-12-31`), Date.parse(filed) + (10 + r.int(120)) * 86_400_000))
          .toISOString()
          .slice(0, 10)
      : '';
    const code17 = `9131${String(i).padStart(13, '0')}`;
    const credit = r.chance(0.5) ? code17 + creditCodeCheckChar(code17) : '';
    const judiciary = r.chance(0.02);
    return [
      `B${i}`,
      unit.code,
      categories[r.skewed(categories.length)],
      `案件${i}`,
      `当事人${i % 9973}`,
      credit,
      filed,
      closed,
      money(r, 1e6),
      money(r, 2e5),
      money(r, 5e4),
      money(r, 1e5),
      r.chance(0.2) ? '是' : '否',
      r.chance(0.3) ? '是' : '否',
      judiciary ? '是' : '否',
      '',
      r.chance(0.5) ? '经营' : '生产',
    ].join(',');
  });
}

export function writeInspectionsCsv(
  path: string,
  tree: Tree,
  categories: string[],
  year: number,
  n: number,
  seed: number,
) {
  const r = rng(seed);
  return writeCsv(path, '检查日期,检查单位,违法类型,出动人次,车辆台次,检查家次', n, () => {
    const unit = tree.leaves[r.skewed(tree.leaves.length)];
    return [
      day(year, r),
      unit.code,
      categories[r.skewed(categories.length)],
      2 + r.int(20),
      r.int(5),
      1 + r.int(60),
    ].join(',');
  });
}

export function writeLeadsCsv(
  path: string,
  tree: Tree,
  categories: string[],
  year: number,
  from: number,
  n: number,
  seed: number,
) {
  const r = rng(seed);
  return writeCsv(
    path,
    '登记编号,来源,登记日期,承办单位,违法类型,被投诉举报对象,诉求内容,投诉举报人,联系电话',
    n,
    (k) => {
      const unit = tree.leaves[r.skewed(tree.leaves.length)];
      return [
        `L${from + k}`,
        r.chance(0.7) ? '12315投诉' : '12315举报',
        day(year, r),
        unit.code,
        categories[r.skewed(categories.length)],
        `经营者${(from + k) % 7919}`,
        '消费者反映商品质量问题',
        `投诉人${k % 97}`,
        `139${String(10_000_000 + r.int(89_999_999))}`,
      ].join(',');
    },
  );
}
