import type { OfficialDocument } from '../../platform/documents/official-document';
import { paragraphBlocks } from '../briefings/briefing-docx';

/** 发文字号: 崇市监督〔2026〕3号. */
export const bulletinDocNumber = (prefix: string, year: number | null, number: number | null) =>
  year === null || number === null ? null : `${prefix}〔${year}〕${number}号`;

/**
 * 机关代字 from the organiser's name: the first character of the district (or county, or city)
 * followed by 市监督 (上海市崇明区市场监督管理局 → 崇市监督). The office may change it before issuing.
 */
export function defaultDocPrefix(organizerName: string): string {
  const m = /(?:省|自治区|市)?([^省市区县]{2,4}?)(?:区|县|市)市场监督管理局/.exec(
    organizerName.replace(/^.*?(?:省|自治区)/, ''),
  );
  const place = m?.[1] ?? organizerName.replace(/^.*?市(?=.)/, '');
  return `${place.slice(0, 1) || '市'}市监督`;
}

export interface BulletinDocInput {
  organizerName: string;
  docNumber: string | null;
  title: string;
  recipients: string;
  date: string;
  paragraphs: string[];
}

/** GB/T 9704: the organiser's red 版头 (…文件), 发文字号, title, 主送, body, 落款, 成文日期, 版记. */
export function bulletinDocument(input: BulletinDocInput): OfficialDocument {
  return {
    organMark: `${input.organizerName}文件`,
    docNumber: input.docNumber,
    title: input.title.trim(),
    recipients: input.recipients.trim() || null,
    body: paragraphBlocks(input.paragraphs),
    signature: input.organizerName,
    date: input.date,
    printedBy: input.organizerName,
    printedDate: input.date,
  };
}

export const bulletinFileName = (title: string) =>
  `${title.replace(/[\\/:*?"<>|\r\n]+/g, '').slice(0, 80) || '督查通报'}.docx`;
