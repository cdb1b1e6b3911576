import { chineseDate, chineseNumeral } from '../../platform/documents/official-document';

/**
 * The draft of a 督查通报 (seed 001: 对督查情况，区局将以书面形式予以通报) written from a round's
 * records: when and how the groups visited which units, what they found per unit, where 整改 stands
 * (demanded, 销号, open, overdue), 表扬 and 批评, the 案卷评查 results when an exercise belongs to the
 * round, and the next steps. Pure: the service gathers the data; the office edits the text.
 */

export interface BulletinVisit {
  unitName: string;
  visitDate: string;
  /** 全面检查, 重点抽查 … */
  methodLabel: string;
  unannounced: boolean;
  /** 总体情况 the group wrote (good practice goes here). */
  summary: string | null;
}

export interface BulletinGroup {
  name: string;
  leaderName: string;
  visits: BulletinVisit[];
}

/** Per unit concerned by findings: counts and the descriptions (the main problems). */
export interface BulletinUnitFindings {
  unitName: string;
  findings: number;
  /** 整改 demanded (status other than noted). */
  demanded: number;
  closed: number;
  /** Demanded, not yet closed (open or replied). */
  open: number;
  /** Open past the deadline. */
  overdue: number;
  /** Answers sent back (退回), summed over its findings. */
  returned: number;
  problems: string[];
}

export interface BulletinCaseReview {
  title: string;
  files: number;
  units: { unitName: string; average: number | null; scored: number; rank: number | null }[];
  itemsLost: { name: string; pointsLost: number; filesLosing: number }[];
}

export interface BulletinInput {
  organizerName: string;
  campaignName: string;
  round: { number: number; title: string; startDate: string; endDate: string; focus: string | null };
  groups: BulletinGroup[];
  findings: BulletinUnitFindings[];
  caseReviews: BulletinCaseReview[];
}

/** At most this many problems are quoted per unit (the rest are counted). */
const MAX_PROBLEMS = 3;

const period = (from: string, to: string) => `${chineseDate(from)}至${chineseDate(to)}`;
const sentence = (s: string) => {
  const t = s.trim().replace(/[。；;，,]+$/, '');
  return t === '' ? '' : `${t}。`;
};
const list = (xs: string[]) => xs.join('、');

/** The units visited with no open 整改 and a summary noting what they do well. */
export function praisedUnits(input: BulletinInput) {
  const open = new Set(input.findings.filter((f) => f.open > 0).map((f) => f.unitName));
  const seen = new Set<string>();
  return input.groups
    .flatMap((g) => g.visits)
    .filter((v) => {
      if (open.has(v.unitName) || !v.summary?.trim() || seen.has(v.unitName)) return false;
      seen.add(v.unitName);
      return true;
    })
    .map((v) => ({ unitName: v.unitName, summary: v.summary!.trim() }));
}

/** The units with overdue 整改 or answers sent back. */
export const criticisedUnits = (input: BulletinInput) => input.findings.filter((f) => f.overdue > 0 || f.returned > 0);

export function bulletinText(input: BulletinInput): { title: string; paragraphs: string[] } {
  const { round } = input;
  const visits = input.groups.flatMap((g) => g.visits);
  const visitedUnits = [...new Set(visits.map((v) => v.unitName))];
  const total = input.findings.reduce(
    (s, f) => ({
      findings: s.findings + f.findings,
      demanded: s.demanded + f.demanded,
      closed: s.closed + f.closed,
      open: s.open + f.open,
      overdue: s.overdue + f.overdue,
    }),
    { findings: 0, demanded: 0, closed: 0, open: 0, overdue: 0 },
  );
  const p: string[] = [];
  p.push(
    `根据${/方案$/.test(input.campaignName) ? `《${input.campaignName}》` : input.campaignName}工作安排，${period(round.startDate, round.endDate)}，${input.organizerName}组织开展了${round.title}。` +
      (round.focus?.trim() ? `本轮督查重点是${sentence(round.focus)}` : '') +
      `现将督查情况通报如下：`,
  );

  p.push('一、督查基本情况');
  p.push(
    visits.length === 0
      ? '本轮督查尚未记录督查情况。'
      : `本轮督查共组成${chineseNumeral(input.groups.filter((g) => g.visits.length > 0).length)}个督查组，采取${list([...new Set(visits.map((v) => v.methodLabel))])}等方式，对${list(visitedUnits)}等${visitedUnits.length}个单位开展督查${visits.length}次` +
          (visits.some((v) => v.unannounced) ? `，其中暗访${visits.filter((v) => v.unannounced).length}次` : '') +
          '。',
  );
  input.groups
    .filter((g) => g.visits.length > 0)
    .forEach((g, i) => {
      const parts = g.visits.map(
        (v) => `${chineseDate(v.visitDate)}${v.unannounced ? '暗访' : ''}${v.unitName}（${v.methodLabel}）`,
      );
      p.push(`（${chineseNumeral(i + 1)}）${g.name}（组长：${g.leaderName}）。${list(parts)}。`);
    });

  p.push('二、发现的主要问题');
  if (input.findings.length === 0) p.push('本轮督查未发现需要通报的问题。');
  else {
    p.push(
      `本轮督查共发现问题${total.findings}个，涉及${input.findings.length}个单位，其中下发整改通知${total.demanded}个。各单位存在的主要问题如下：`,
    );
    input.findings.forEach((f, i) => {
      const shown = f.problems.slice(0, MAX_PROBLEMS).map((x, n) => `${n + 1}.${sentence(x)}`);
      const more = f.problems.length > MAX_PROBLEMS ? `另有${f.problems.length - MAX_PROBLEMS}个问题。` : '';
      p.push(`（${chineseNumeral(i + 1)}）${f.unitName}。发现问题${f.findings}个：${shown.join('')}${more}`);
    });
  }

  p.push('三、整改落实情况');
  if (total.demanded === 0) p.push('本轮督查未下发整改通知。');
  else {
    p.push(
      `下发整改通知的${total.demanded}个问题中，已整改销号${total.closed}个，正在整改${total.open}个` +
        (total.overdue > 0 ? `，其中已超过整改期限${total.overdue}个` : '') +
        '。',
    );
    for (const f of input.findings.filter((x) => x.demanded > 0))
      p.push(
        `${f.unitName}：整改${f.demanded}个，已销号${f.closed}个，未销号${f.open}个` +
          (f.overdue > 0 ? `（逾期${f.overdue}个）` : '') +
          '。',
      );
  }

  const praised = praisedUnits(input);
  const criticised = criticisedUnits(input);
  p.push('四、表扬和批评');
  p.push(
    praised.length === 0
      ? '（一）表扬。本轮督查中暂无通报表扬的单位。'
      : `（一）表扬。${list(praised.map((u) => u.unitName))}工作措施有力、成效明显，予以通报表扬。` +
          praised.map((u) => `${u.unitName}：${sentence(u.summary)}`).join(''),
  );
  p.push(
    criticised.length === 0
      ? '（二）批评。各单位均能按期落实整改要求。'
      : `（二）批评。${list(criticised.map((u) => u.unitName))}整改落实不到位，` +
          criticised
            .map(
              (u) =>
                `${u.unitName}${[u.overdue > 0 ? `逾期未整改问题${u.overdue}个` : '', u.returned > 0 ? `整改报告被退回${u.returned}次` : ''].filter(Boolean).join('，')}`,
            )
            .join('；') +
          '，予以通报批评，请于收到通报后立即整改到位，并将整改情况书面报送督查组。',
  );

  if (input.caseReviews.length > 0) {
    p.push('五、案卷评查情况');
    for (const r of input.caseReviews) {
      const ranked = r.units.filter((u) => u.average !== null);
      p.push(
        `${r.title}共抽取案卷${r.files}卷，已评查${ranked.reduce((s, u) => s + u.scored, 0)}卷。` +
          (ranked.length > 0
            ? `各单位平均得分：${ranked.map((u) => `${u.unitName}${u.average}分`).join('，')}。${ranked[0].unitName}案卷质量较好。`
            : ''),
      );
      const lost = r.itemsLost.filter((x) => x.pointsLost > 0).slice(0, 3);
      if (lost.length > 0)
        p.push(
          `失分较多的项目是${list(lost.map((x) => `${x.name}（${x.filesLosing}卷失分，共${x.pointsLost}分）`))}，各单位要对照评查意见逐卷整改。`,
        );
    }
  }

  p.push(`${chineseNumeral(input.caseReviews.length > 0 ? 6 : 5)}、下一步工作要求`);
  p.push(
    '（一）抓好问题整改。各单位要对照本通报指出的问题，逐项制定整改措施，明确责任人和整改时限，按期报送整改报告，整改不到位的不予销号。',
  );
  p.push('（二）强化案件查办。各单位要围绕行动重点，加大案件查办力度，规范执法程序，提升办案质量。');
  p.push('（三）加强督查问效。督查组将适时开展“回头看”，对整改不力、工作滞后的单位予以通报批评，并追究相关人员责任。');

  return { title: `关于${round.title}情况的通报`, paragraphs: p };
}
