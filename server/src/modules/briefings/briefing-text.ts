import { chineseDate, chineseNumeral } from '../../platform/documents/official-document';
import { fenToWanYuan, yuanTextToFen } from '../../platform/money';

/**
 * The draft text of a 工作简报 or a 阶段/总结 with the figures written into sentences, the way the
 * summaries of seed 002 write them ("共出动执法人员N人次，检查经营户N户次，查处各类违法案件N起，案值N万元，
 * 罚没款N万元，移送司法机关案件N起……"). Pure: the caller gathers the figures; the office edits the
 * text before it is issued.
 */

export const BRIEFING_KINDS = ['briefing', 'stage_summary', 'final_summary'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

/** The annex-2 figures as rollupsService.stats answers them (money in 元, exact text). */
export interface BriefingFigures {
  staffDeployed: number;
  entitiesInspected: number;
  casesFiled: number;
  casesClosed: number;
  amountInvolved: string;
  finesAndConfiscations: string;
  lossesRecovered: string;
  transferredToJudiciary: number;
  onlineCases: number;
  ruralCases: number;
}

export interface BriefingTypicalCase {
  name: string;
  partyName: string;
  /** 承办单位 */
  unitName: string;
  filingDate: string;
  stage: string;
  penalized: boolean;
  decisionDate: string | null;
  /** 元, exact text. */
  fine: string;
  confiscated: string;
  summary: string | null;
  transferredToJudiciary: boolean;
  transferredToPolice: boolean;
}

export interface BriefingInput {
  kind: BriefingKind;
  campaignName: string;
  unitName: string;
  from: string;
  to: string;
  total: BriefingFigures;
  /** The campaign's categories in its order (合计 not included). */
  categories: { label: string; values: BriefingFigures }[];
  /** 取缔无照经营 (户), from the inspections. */
  unlicensedBanned: number;
  /** Goods seized, summed by kind and unit of measure; quantity as exact decimal text. */
  seizures: { goods: string; quantity: string; unit: string }[];
  typicalCases: BriefingTypicalCase[];
  /**
   * The typical cases the plan's office selected (典型案例评选), by category in the plan's order; when
   * any, the draft quotes these instead of every case marked typical.
   */
  selectedTypical?: { label: string; cases: BriefingTypicalCase[] }[];
  /** 表彰 and 问责 of the plan (a 工作总结 lists them, a section each). */
  recognition?: BriefingRecognition;
  /** What each reporting unit wrote in its report of the period (经验做法、存在问题、下步打算), in tree order. */
  narratives: BriefingNarrative[];
  /** 联合执法行动 and 联席会议 of the unit's subtree begun in the period (the joint-operations module). */
  jointOperations?: BriefingJointOperations;
}

/** The period's joint actions with their figures and its joint meetings, each with the departments by short name. */
export interface BriefingJointOperations {
  actions: number;
  staffDeployed: number;
  entitiesInspected: number;
  problemsFound: number;
  casesFiled: number;
  /** 公安、卫健 … in the authorities' order. */
  actionDepartments: string[];
  meetings: number;
  meetingDepartments: string[];
}

/**
 * The joint operations in one sentence, as seed 002 writes it ("会同公安、卫生、盐政等部门开展声势浩大的
 * 联合执法行动2次"): "会同公安、卫健等部门开展联合执法行动2次，出动执法人员N人次…；与公安、检察院等部门召开联席会议1次。"
 * Null when there were none.
 */
export function jointOperationsSentence(j: BriefingJointOperations): string | null {
  const withWhom = (names: string[]) => (names.length ? `${names.join('、')}等部门` : '有关部门');
  const clauses: string[] = [];
  if (j.actions > 0) {
    const bits = [`会同${withWhom(j.actionDepartments)}开展联合执法行动${j.actions}次`];
    if (j.staffDeployed > 0) bits.push(`出动执法人员${j.staffDeployed}人次`);
    if (j.entitiesInspected > 0) bits.push(`检查经营主体${j.entitiesInspected}户次`);
    if (j.problemsFound > 0) bits.push(`发现问题${j.problemsFound}个`);
    if (j.casesFiled > 0) bits.push(`立案查处${j.casesFiled}起`);
    clauses.push(bits.join('，'));
  }
  if (j.meetings > 0) clauses.push(`与${withWhom(j.meetingDepartments)}召开联席会议${j.meetings}次`);
  return clauses.length ? `${clauses.join('；')}。` : null;
}

export interface BriefingRecognition {
  commendations: {
    kindLabel: string;
    unitName: string;
    personLabel: string | null;
    reason: string;
    documentNumber: string | null;
  }[];
  accountability: { measureLabel: string; unitName: string; personLabel: string | null; reason: string }[];
}

/**
 * The selected typical cases, by category: "N. 类别（N件）" then the cases, numbered on through the
 * categories.
 */
export function selectedTypicalParagraphs(groups: { label: string; cases: BriefingTypicalCase[] }[]): string[] {
  const out: string[] = [];
  let n = 0;
  groups
    .filter((g) => g.cases.length)
    .forEach((g, i) => {
      out.push(`${i + 1}. ${g.label}（${g.cases.length}件）`);
      for (const c of g.cases) out.push(typicalCaseParagraph(c, n++));
    });
  return out;
}

/** 表彰情况 and 问责情况 of a 工作总结: one paragraph per entry, or a line saying there is none. */
export function recognitionParagraphs(r: BriefingRecognition, first: number): string[] {
  const who = (unitName: string, personLabel: string | null) => (personLabel ? `${unitName}${personLabel}` : unitName);
  return [
    `${chineseNumeral(first)}、表彰情况`,
    ...(r.commendations.length
      ? r.commendations.map(
          (c, i) =>
            `（${chineseNumeral(i + 1)}）${c.kindLabel}：${who(c.unitName, c.personLabel)}。${sentence(c.reason)}${c.documentNumber ? `（${c.documentNumber}）` : ''}`,
        )
      : ['本次行动暂未表彰先进集体和先进个人。']),
    `${chineseNumeral(first + 1)}、问责情况`,
    ...(r.accountability.length
      ? r.accountability.map(
          (a, i) =>
            `（${chineseNumeral(i + 1)}）${a.measureLabel}：${who(a.unitName, a.personLabel)}。${sentence(a.reason)}`,
        )
      : ['本次行动未实行问责。']),
  ];
}

/** A unit's submitted narrative, as quoted: its label on the plan's board and the three parts (any may be empty). */
export interface BriefingNarrative {
  unitLabel: string;
  practices: string;
  problems: string;
  nextSteps: string;
}

/**
 * 元 text → fen as BigInt, for any length: the figures are sums, which pass both the 13 digits a
 * person may type for one case and 2^53 fen (a JS number would round them).
 */
function fenOf(yuan: string): bigint {
  const fen = yuanTextToFen(yuan);
  if (fen === null) throw new Error(`简报金额不是元的精确文本：${yuan}`);
  return fen;
}
/** 元 text → 万元 with 2 decimals, rounded half up on the exact amount in fen (no float sums). */
export const wan2 = (yuan: string) => fenToWanYuan(fenOf(yuan), 2);
/** Adds 元 amounts exactly (in fen) and prints 万元 with 2 decimals. */
export const wan2Sum = (...yuan: string[]) =>
  fenToWanYuan(
    yuan.reduce((s, y) => s + fenOf(y), 0n),
    2,
  );
/** "35.500" → "35.5", "120.000" → "120". */
const quantity = (q: string) => (q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q);
/** A sentence ends with 。 (or another closing mark) exactly once. */
const sentence = (s: string) => {
  const t = s.trim();
  return /[。！？；]$/.test(t) ? t : `${t}。`;
};

export function briefingTitle(kind: BriefingKind, campaignName: string): string {
  switch (kind) {
    case 'briefing':
      return `${campaignName}工作进展情况`;
    case 'stage_summary':
      return `${campaignName}阶段性工作总结`;
    case 'final_summary':
      return `${campaignName}工作总结`;
  }
}

/** The masthead's name: a quoted name (“铁拳”) stands for the campaign; otherwise its name without 方案. */
export function campaignShortName(name: string): string {
  const quoted = /[“"]([^”"]{1,12})[”"]/.exec(name);
  if (quoted) return `“${quoted[1]}”行动`;
  return name.replace(/(实施|行动)?方案$/, (_all, kind: string | undefined) => (kind === '行动' ? '行动' : '')) || name;
}

/** 总体情况: the totals in one paragraph. */
function totalsParagraph(input: BriefingInput): string {
  const f = input.total;
  const parts = [
    `自${chineseDate(input.from)}至${chineseDate(input.to)}，${input.unitName}共出动执法人员${f.staffDeployed}人次`,
    `检查经营户${f.entitiesInspected}户次`,
  ];
  if (f.casesFiled > 0) {
    parts.push(`查处各类违法案件${f.casesFiled}起`);
    if (f.casesClosed > 0) parts.push(`办结${f.casesClosed}起`);
    parts.push(
      `案值${wan2(f.amountInvolved)}万元`,
      `罚没款${wan2(f.finesAndConfiscations)}万元`,
      `移送司法机关案件${f.transferredToJudiciary}起`,
    );
    if (fenOf(f.lossesRecovered) > 0n) parts.push(`为消费者挽回经济损失${wan2(f.lossesRecovered)}万元`);
  }
  if (input.unlicensedBanned > 0) parts.push(`取缔无照经营${input.unlicensedBanned}户`);
  let text = `${parts.join('，')}。`;
  if (f.casesFiled === 0)
    text += `期间未立案查处违法案件${f.casesClosed > 0 ? `，办结此前立案的案件${f.casesClosed}起` : ''}。`;
  if (input.seizures.length)
    text += `查扣${input.seizures.map((s) => `${s.goods}${quantity(s.quantity)}${s.unit}`).join('、')}。`;
  return text;
}

/** One clause per category with cases, then the online and rural counts; null when there are no cases. */
function categoriesParagraph(input: BriefingInput): string | null {
  const withCases = input.categories.filter((c) => c.values.casesFiled > 0);
  if (withCases.length === 0) return null;
  const clauses = withCases.map(({ label, values: v }) => {
    const bits = [`${label}案件${v.casesFiled}起`];
    if (fenOf(v.amountInvolved) > 0n) bits.push(`案值${wan2(v.amountInvolved)}万元`);
    if (fenOf(v.finesAndConfiscations) > 0n) bits.push(`罚没款${wan2(v.finesAndConfiscations)}万元`);
    if (v.transferredToJudiciary > 0) bits.push(`移送司法机关${v.transferredToJudiciary}起`);
    return bits.join('，');
  });
  let text = `其中，${clauses.join('；')}。`;
  const extra = [
    ...(input.total.onlineCases > 0 ? [`互联网案件${input.total.onlineCases}起`] : []),
    ...(input.total.ruralCases > 0 ? [`农村市场案件${input.total.ruralCases}起`] : []),
  ];
  if (extra.length) text += `查处${extra.join('、')}。`;
  return text;
}

const CLOSED_STAGES = new Set(['closed', 'archived']);

/** 典型案例: one short paragraph each, "（一）案件名称。" first (rendered as a 楷体 heading). */
export function typicalCaseParagraph(c: BriefingTypicalCase, index: number): string {
  let text = `（${chineseNumeral(index + 1)}）${sentence(c.name)}${chineseDate(c.filingDate)}，${c.unitName}对${c.partyName}立案调查。`;
  if (c.summary?.trim()) text += sentence(c.summary);
  const penaltyFen = fenOf(c.fine) + fenOf(c.confiscated);
  if (c.penalized || penaltyFen > 0n) {
    text += `${c.decisionDate ? `${chineseDate(c.decisionDate)}，` : ''}依法对当事人作出行政处罚${penaltyFen > 0n ? `，罚没款${wan2Sum(c.fine, c.confiscated)}万元` : ''}。`;
  }
  if (c.transferredToJudiciary) text += '案件已移送司法机关。';
  else if (c.transferredToPolice) text += '案件已移送公安机关。';
  text += CLOSED_STAGES.has(c.stage) ? '案件已办结。' : '案件正在办理中。';
  return text;
}

/**
 * The narrative sections of a report (seed 003: 数据、重点案件、经验做法、存在问题、下步打算): a summary has
 * one heading each, filled with what the units wrote or a hint for the office to write it.
 */
const SUMMARY_SECTIONS = [
  ['practices', '经验做法', '（请填写本阶段的主要经验做法。）'],
  ['problems', '存在问题', '（请填写工作中存在的问题。）'],
  ['nextSteps', '下步打算', '（请填写下一步工作打算。）'],
] as const;

/** A unit's text as one paragraph: its lines joined, blank when it wrote nothing. */
const flat = (text: string) =>
  text
    .split(/\s*\n\s*/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('');

/** 各单位工作情况 of a 简报: "（一）unit" and its non-empty parts, each "经验做法：…"; units that wrote nothing are left out. */
export function narrativeParagraphs(narratives: BriefingNarrative[]): string[] {
  const out: string[] = [];
  let count = 0;
  for (const n of narratives) {
    const parts = SUMMARY_SECTIONS.filter(([key]) => flat(n[key])).map(
      ([key, heading]) => `${heading}：${flat(n[key])}`,
    );
    if (parts.length) out.push(`（${chineseNumeral(++count)}）${n.unitLabel}`, ...parts);
  }
  return out;
}

/** One summary section from the units' reports: "（一）unit。text" per unit that wrote it. */
function sectionQuotes(narratives: BriefingNarrative[], key: (typeof SUMMARY_SECTIONS)[number][0]): string[] {
  return narratives
    .filter((n) => flat(n[key]))
    .map((n, i) => `（${chineseNumeral(i + 1)}）${n.unitLabel}。${sentence(flat(n[key]))}`);
}

export function briefingText(input: BriefingInput): { title: string; paragraphs: string[] } {
  const summary = input.kind !== 'briefing';
  const paragraphs: string[] = [];
  paragraphs.push(
    summary
      ? `按照${input.campaignName}的统一部署，${input.unitName}认真组织实施，各项工作有序推进。现将${chineseDate(input.from)}至${chineseDate(input.to)}工作情况总结如下。`
      : `现将${input.unitName}${chineseDate(input.from)}至${chineseDate(input.to)}开展${input.campaignName}的工作进展情况通报如下。`,
  );
  paragraphs.push('一、总体情况', totalsParagraph(input));
  const byCategory = categoriesParagraph(input);
  if (byCategory) paragraphs.push(byCategory);
  const joint = input.jointOperations && jointOperationsSentence(input.jointOperations);
  if (joint) paragraphs.push(joint);
  paragraphs.push('二、典型案例');
  const selected = selectedTypicalParagraphs(input.selectedTypical ?? []);
  if (selected.length) paragraphs.push(...selected);
  else if (input.typicalCases.length === 0) paragraphs.push('本期暂无典型案例。');
  else paragraphs.push(...input.typicalCases.map(typicalCaseParagraph));
  if (summary) {
    SUMMARY_SECTIONS.forEach(([key, heading, hint], i) => {
      const quotes = sectionQuotes(input.narratives, key);
      paragraphs.push(`${chineseNumeral(i + 3)}、${heading}`, ...(quotes.length ? quotes : [hint]));
    });
    if (input.kind === 'final_summary' && input.recognition)
      paragraphs.push(...recognitionParagraphs(input.recognition, SUMMARY_SECTIONS.length + 3));
  } else {
    const units = narrativeParagraphs(input.narratives);
    if (units.length) paragraphs.push('三、各单位工作情况', ...units);
  }
  return { title: briefingTitle(input.kind, input.campaignName), paragraphs };
}
