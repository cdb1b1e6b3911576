import { describe, expect, it } from 'vitest';
import { drawEntities } from '../random-checks/random-draw';
import {
  checkScores,
  DEFAULT_SHEET_ITEMS,
  drawCaseFiles,
  rankUnits,
  sheetItemErrors,
  sheetTotal,
  unitDrawSeed,
} from './case-review-sheet';

const full = () => DEFAULT_SHEET_ITEMS.map((i) => ({ key: i.key, points: i.maxPoints, remark: '' }));

describe('案卷评查表', () => {
  it('gives 100 points by default, with unique keys and names', () => {
    expect(sheetTotal(DEFAULT_SHEET_ITEMS)).toBe(100);
    expect(sheetItemErrors(DEFAULT_SHEET_ITEMS)).toEqual([]);
    expect(sheetItemErrors([...DEFAULT_SHEET_ITEMS, DEFAULT_SHEET_ITEMS[0]]).map((e) => e.message)).toEqual([
      '评查项目代码“subject”重复',
      '评查项目“执法主体”重复',
    ]);
  });

  it('totals scores and names the item whose points are out of range', () => {
    const scores = full();
    scores[2] = { key: 'evidence', points: 16, remark: '缺少抽样记录' };
    expect(checkScores(DEFAULT_SHEET_ITEMS, scores)).toEqual({ errors: [], total: 96 });
    scores[2].points = 21;
    expect(checkScores(DEFAULT_SHEET_ITEMS, scores).errors).toEqual([
      { path: 'scores.2.points', message: '评查项目“调查取证”的得分应为 0 到 20 之间的整数' },
    ]);
    scores[2].points = 1.5;
    expect(checkScores(DEFAULT_SHEET_ITEMS, scores).errors[0].path).toBe('scores.2.points');
  });

  it('refuses unknown, repeated and missing items', () => {
    const scores = full().slice(1);
    scores.push({ key: 'nope', points: 1, remark: '' }, { key: 'filing', points: 1, remark: '' });
    expect(checkScores(DEFAULT_SHEET_ITEMS, scores).errors.map((e) => e.message)).toEqual([
      '评查表中没有评查项目“nope”',
      '评查项目“立案程序”重复打分',
      '请为评查项目“执法主体”打分',
    ]);
  });
});

describe('drawCaseFiles', () => {
  it('draws each unit on its own seed with the 双随机 kernel, all of a unit with fewer', () => {
    const candidates = [
      { unitId: 'u1', caseIds: ['a', 'b', 'c', 'd'] },
      { unitId: 'u2', caseIds: ['e'] },
      { unitId: 'u3', caseIds: [] },
    ];
    const picked = drawCaseFiles({ seed: 's', count: 2, candidates });
    expect(picked.slice(0, 2)).toEqual(
      drawEntities({ seed: unitDrawSeed('s', 'u1'), candidates: candidates[0].caseIds, count: 2 }),
    );
    expect(picked.slice(2)).toEqual(['e']);
    expect(drawCaseFiles({ seed: 's', count: 2, candidates })).toEqual(picked);
  });
});

describe('rankUnits', () => {
  it('ranks units by the average of submitted totals and lists the items lost most', () => {
    const s = (evidence: number, law: number) =>
      full().map((x) =>
        x.key === 'evidence' ? { ...x, points: evidence } : x.key === 'law' ? { ...x, points: law } : x,
      );
    const total = (evidence: number, law: number) => 100 - (20 - evidence) - (15 - law);
    const r = rankUnits(DEFAULT_SHEET_ITEMS, [
      { unitId: 'a', status: 'submitted', total: total(14, 15), scores: s(14, 15) },
      { unitId: 'a', status: 'submitted', total: total(20, 12), scores: s(20, 12) },
      { unitId: 'b', status: 'submitted', total: total(18, 15), scores: s(18, 15) },
      { unitId: 'c', status: 'pending', total: null, scores: [] },
    ]);
    expect(r.units).toEqual([
      { unitId: 'b', files: 1, scored: 1, sum: 98, average: 98, rank: 1 },
      { unitId: 'a', files: 2, scored: 2, sum: 191, average: 95.5, rank: 2 },
      { unitId: 'c', files: 1, scored: 0, sum: 0, average: null, rank: null },
    ]);
    expect(r.itemsLost.slice(0, 3)).toEqual([
      { key: 'evidence', name: '调查取证', maxPoints: 20, pointsLost: 8, filesLosing: 2 },
      { key: 'law', name: '法律适用', maxPoints: 15, pointsLost: 3, filesLosing: 1 },
      { key: 'subject', name: '执法主体', maxPoints: 10, pointsLost: 0, filesLosing: 0 },
    ]);
  });
});
