import type { FieldError } from '../../platform/errors';
import { drawEntities } from '../random-checks/random-draw';
import type { ReviewItemScore, ReviewSheetItem } from './case-reviews.schema';

/**
 * The 评查表 every bureau starts with: 100 points over the parts of a 行政处罚案卷 that the
 * 行政处罚案卷评查标准 check, in the order a file is read (主体 → 立案 → 调查 → 定性 → 适用 → 程序 →
 * 文书 → 执行与归档). The office edits it; the points stay integers.
 */
export const DEFAULT_SHEET_NAME = '行政处罚案卷评查表';
export const DEFAULT_SHEET_ITEMS: ReviewSheetItem[] = [
  {
    key: 'subject',
    name: '执法主体',
    maxPoints: 10,
    description: '执法主体适格，执法人员具有执法资格，两名以上执法人员出示证件',
  },
  {
    key: 'filing',
    name: '立案程序',
    maxPoints: 10,
    description: '在规定期限内核查并经负责人批准立案，立案审批表要素齐全',
  },
  {
    key: 'evidence',
    name: '调查取证',
    maxPoints: 20,
    description: '证据确实充分、取证程序合法，现场笔录、询问笔录、抽样取证等规范',
  },
  { key: 'facts', name: '事实认定', maxPoints: 15, description: '违法事实清楚，定性准确，当事人认定无误' },
  { key: 'law', name: '法律适用', maxPoints: 15, description: '适用法律、法规、规章正确，引用条款完整，自由裁量适当' },
  {
    key: 'procedure',
    name: '程序合法',
    maxPoints: 15,
    description: '告知、陈述申辩、听证、法制审核、集体讨论等程序完备，在法定期限内作出决定',
  },
  { key: 'documents', name: '文书制作', maxPoints: 10, description: '执法文书齐全，格式规范，内容完整，送达合法' },
  {
    key: 'archive',
    name: '执行与归档',
    maxPoints: 5,
    description: '处罚决定执行到位，按规定公示，案卷装订规范、及时归档',
  },
];

export const sheetTotal = (items: readonly ReviewSheetItem[]) => items.reduce((s, i) => s + i.maxPoints, 0);

/** The office's items of a sheet: names and keys unique, at least one item. Errors name the item. */
export function sheetItemErrors(items: readonly ReviewSheetItem[]): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  items.forEach((item, i) => {
    if (keys.has(item.key)) errors.push({ path: `items.${i}.key`, message: `评查项目代码“${item.key}”重复` });
    if (names.has(item.name)) errors.push({ path: `items.${i}.name`, message: `评查项目“${item.name}”重复` });
    keys.add(item.key);
    names.add(item.name);
  });
  return errors;
}

/**
 * A reviewer's scores against the sheet: every item once, points an integer from 0 to the item's
 * maximum. Answers the errors (naming the item) and, when there are none, the total.
 */
export function checkScores(
  items: readonly ReviewSheetItem[],
  scores: readonly ReviewItemScore[],
): { errors: FieldError[]; total: number } {
  const errors: FieldError[] = [];
  const byKey = new Map(items.map((i) => [i.key, i]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const item = byKey.get(s.key);
    if (!item) errors.push({ path: `scores.${i}.key`, message: `评查表中没有评查项目“${s.key}”` });
    else if (seen.has(s.key)) errors.push({ path: `scores.${i}.key`, message: `评查项目“${item.name}”重复打分` });
    else if (!Number.isInteger(s.points) || s.points < 0 || s.points > item.maxPoints)
      errors.push({
        path: `scores.${i}.points`,
        message: `评查项目“${item.name}”的得分应为 0 到 ${item.maxPoints} 之间的整数`,
      });
    seen.add(s.key);
  });
  items.forEach((item) => {
    if (!seen.has(item.key)) errors.push({ path: 'scores', message: `请为评查项目“${item.name}”打分` });
  });
  return { errors, total: scores.reduce((s, x) => s + (byKey.has(x.key) ? x.points : 0), 0) };
}

/** The seed of one unit's draw: each unit is drawn on its own, so a unit's picks can be checked alone. */
export const unitDrawSeed = (seed: string, unitId: string) => `${seed}:${unitId}`;

/**
 * 抽取案卷: up to `count` cases of each unit with the 双随机 kernel (drawEntities); a unit with fewer
 * closed or decided cases gives all of them, a unit with none gives none.
 */
export function drawCaseFiles(input: {
  seed: string;
  count: number;
  candidates: readonly { unitId: string; caseIds: readonly string[] }[];
}): string[] {
  return input.candidates.flatMap((c) =>
    c.caseIds.length === 0
      ? []
      : drawEntities({
          seed: unitDrawSeed(input.seed, c.unitId),
          candidates: c.caseIds,
          count: Math.min(input.count, c.caseIds.length),
        }),
  );
}

export interface RankingFile {
  unitId: string;
  status: 'pending' | 'submitted';
  total: number | null;
  scores: readonly ReviewItemScore[];
}

/**
 * 评查结果: per unit the files drawn and scored, the sum and the average of the submitted totals
 * (one decimal), ranked by the average (ties share a rank); per item the points lost over all
 * submitted files, most lost first.
 */
export function rankUnits(items: readonly ReviewSheetItem[], files: readonly RankingFile[]) {
  const perUnit = new Map<string, { unitId: string; files: number; scored: number; sum: number }>();
  for (const f of files) {
    const u = perUnit.get(f.unitId) ?? { unitId: f.unitId, files: 0, scored: 0, sum: 0 };
    u.files += 1;
    if (f.status === 'submitted' && f.total !== null) {
      u.scored += 1;
      u.sum += f.total;
    }
    perUnit.set(f.unitId, u);
  }
  const rows = [...perUnit.values()].map((u) => ({
    ...u,
    average: u.scored === 0 ? null : Math.round((u.sum / u.scored) * 10) / 10,
  }));
  rows.sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
  let rank = 0;
  const units = rows.map((r, i) => {
    if (r.average !== null && (i === 0 || rows[i - 1].average !== r.average)) rank = i + 1;
    return { ...r, rank: r.average === null ? null : rank };
  });
  const submitted = files.filter((f) => f.status === 'submitted');
  const lost = items
    .map((item) => {
      const pointsLost = submitted.reduce(
        (s, f) => s + (item.maxPoints - (f.scores.find((x) => x.key === item.key)?.points ?? item.maxPoints)),
        0,
      );
      const filesLosing = submitted.filter(
        (f) => (f.scores.find((x) => x.key === item.key)?.points ?? item.maxPoints) < item.maxPoints,
      ).length;
      return { key: item.key, name: item.name, maxPoints: item.maxPoints, pointsLost, filesLosing };
    })
    .sort((a, b) => b.pointsLost - a.pointsLost);
  return { units, itemsLost: lost };
}
