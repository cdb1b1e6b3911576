/**
 * 脱敏 (pure): what a public text may not carry — a person's name, an ID number (身份证号), a
 * mobile or landline number — found, and a redacted draft written from a case. The service runs
 * `findPersonalData` on every text field when the office submits a disclosure and again when the
 * approval publishes it, so nothing unredacted is ever stored as published.
 */

export type PersonalDataKind = 'id_number' | 'mobile' | 'landline' | 'name';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** What was found, as written. */
  text: string;
  /** The same, masked for an error message (138****0000, 张*). */
  masked: string;
}

const KIND_LABELS: Record<PersonalDataKind, string> = {
  id_number: '身份证号码',
  mobile: '手机号码',
  landline: '固定电话号码',
  name: '个人姓名',
};

// Digits only count when they stand alone: no digit (or X after an ID) on either side.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)(?:[(（]0\d{2,3}[)）][\s-]?|0\d{2,3}[\s-]?)\d{7,8}(?:[-转]\d{1,5})?(?!\d)/g;

/** 138****0000: the first three and last four characters kept. */
export function maskDigits(text: string): string {
  const digits = text.replace(/[^\dXx]/g, '');
  return digits.length <= 7 ? '*'.repeat(digits.length) : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Surnames of two characters (复姓): 欧阳某, not 欧某. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '长孙',
  '宇文',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '闻人',
  '申屠',
];

const surnameOf = (name: string) =>
  name.length >= 3 && COMPOUND_SURNAMES.includes(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);

/** 张三 → 张某, 欧阳小明 → 欧阳某. */
export const surnameMask = (name: string) => `${surnameOf(name.trim())}某`;

/** 张三 → 张*, for an error message that names what to remove without repeating it. */
const maskName = (name: string) => `${surnameOf(name)}${'*'.repeat(Math.max(1, name.length - surnameOf(name).length))}`;

/** The names worth looking for: trimmed, at least two characters, each once, longest first. */
export function searchableNames(names: readonly (string | null | undefined)[]): string[] {
  const set = new Set(names.map((n) => n?.trim() ?? '').filter((n) => n.length >= 2));
  return [...set].sort((a, b) => b.length - a.length);
}

/** Every ID number, phone number and known name in a text, in the order found. */
export function findPersonalData(text: string, knownNames: readonly (string | null | undefined)[]): PersonalDataHit[] {
  const hits: { at: number; hit: PersonalDataHit }[] = [];
  let rest = text;
  const take = (re: RegExp, kind: PersonalDataKind) => {
    rest = rest.replace(re, (m, at: number) => {
      hits.push({ at, hit: { kind, text: m, masked: maskDigits(m) } });
      return ' '.repeat(m.length);
    });
  };
  take(ID_NUMBER, 'id_number');
  take(MOBILE, 'mobile');
  take(LANDLINE, 'landline');
  for (const name of searchableNames(knownNames)) {
    let at = rest.indexOf(name);
    while (at >= 0) {
      hits.push({ at, hit: { kind: 'name', text: name, masked: maskName(name) } });
      rest = rest.slice(0, at) + ' '.repeat(name.length) + rest.slice(at + name.length);
      at = rest.indexOf(name, at + name.length);
    }
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.hit);
}

/** 正文含有手机号码“138****0000”，请删去 — the field's label first. */
export function personalDataMessage(fieldLabel: string, hit: PersonalDataHit): string {
  const fix = hit.kind === 'name' ? `请删去或改为“${surnameMask(hit.text)}”` : '请删去';
  return `${fieldLabel}含有${KIND_LABELS[hit.kind]}“${hit.masked}”，${fix}`;
}

/** Removes ID and phone numbers and replaces each known name (`names`: name → what stands for it). */
export function redactText(text: string, names: ReadonlyMap<string, string>): string {
  let out = text.replace(ID_NUMBER, '（略）').replace(MOBILE, '（略）').replace(LANDLINE, '（略）');
  for (const name of searchableNames([...names.keys()])) out = out.split(name).join(names.get(name)!);
  return out;
}

/** What a draft is written from: the case and the names that must not appear. */
export interface CaseForDraft {
  name: string;
  partyKind: 'company' | 'person';
  partyName: string;
  decisionDate: string;
  penalized: boolean;
  penaltyContent: string | null;
  summary: string | null;
  /** The unit that decided (承办单位). */
  unitName: string;
  /** Every other person's name of the case: contact, officials, complainants. */
  personalNames: readonly (string | null | undefined)[];
}

/**
 * 当事人 as the public reads it: a company (or 个体工商户 registered as one) by its name once a penalty
 * was decided — 行政处罚信息 of an enterprise is public (《企业信息公示暂行条例》); otherwise 某企业; a
 * natural person always by surname only (张某).
 */
export function partyDisplayName(c: Pick<CaseForDraft, 'partyKind' | 'partyName' | 'penalized' | 'decisionDate'>) {
  if (c.partyKind === 'person') return surnameMask(c.partyName);
  return c.penalized && c.decisionDate ? c.partyName.trim() : '某企业';
}

/** Whether the party's own name may stand in the public text. */
export const partyNameIsPublic = (c: Parameters<typeof partyDisplayName>[0]) =>
  partyDisplayName(c) === c.partyName.trim();

/** 2026-03-05 → 2026年3月5日 */
const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The redacted draft of a decided case's disclosure: title, public text and the party as shown. */
export function draftFromCase(c: CaseForDraft): { title: string; body: string; partyDisplayName: string } {
  const party = partyDisplayName(c);
  const names = new Map<string, string>();
  for (const n of searchableNames(c.personalNames)) names.set(n, surnameMask(n));
  if (!partyNameIsPublic(c)) names.set(c.partyName.trim(), party);
  const redact = (text: string) => redactText(text, names);
  const facts = c.summary?.trim() ? redact(c.summary.trim()) : `${party}涉嫌违法经营，经立案调查属实。`;
  const outcome = c.penaltyContent?.trim()
    ? `${chineseDate(c.decisionDate)}，${c.unitName}依法对${party}作出行政处罚：${redact(c.penaltyContent.trim())}`
    : `${chineseDate(c.decisionDate)}，${c.unitName}依法对${party}作出处理决定。`;
  return {
    title: redact(c.name.trim()),
    body: [`【基本案情】${facts}`, `【处理结果】${outcome}`].join('\n'),
    partyDisplayName: party,
  };
}
