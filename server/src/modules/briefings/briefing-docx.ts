import type { Block, OfficialDocument } from '../../platform/documents/official-document';
import { campaignShortName, type BriefingKind } from './briefing-text';

/**
 * The office's edited paragraphs as blocks of an official document, text unchanged: "一、…" is a
 * 黑体 heading, "（一）…。" a 楷体 heading with the rest of its paragraph in 仿宋, anything else body text.
 */
export function paragraphBlocks(paragraphs: string[]): Block[] {
  return paragraphs.map((raw): Block => {
    const text = raw.trim();
    if (text === '') return { kind: 'blank' };
    if (/^[一二三四五六七八九十]+、/.test(text) && text.length <= 40) return { kind: 'heading1', text };
    const sub = /^（[一二三四五六七八九十]+）[^。]*。?/.exec(text);
    if (sub) return { kind: 'heading2', text: sub[0], rest: text.slice(sub[0].length) || undefined };
    return { kind: 'paragraph', text };
  });
}

export interface BriefingDocInput {
  kind: BriefingKind;
  campaignName: string;
  unitName: string;
  title: string;
  /** 期号, e.g. 第3期 (简报 only). */
  issue?: string | null;
  date: string;
  paragraphs: string[];
}

/**
 * GB/T 9704 layout: a 简报 carries the red masthead "…工作简报" with its issue line under it; a
 * summary is an ordinary document issued by the unit, signed by it and dated.
 */
export function briefingDocument(input: BriefingDocInput): OfficialDocument {
  const briefing = input.kind === 'briefing';
  return {
    organMark: briefing ? `${campaignShortName(input.campaignName)}工作简报` : input.unitName,
    docNumber: briefing ? input.issue?.trim() || null : null,
    title: input.title.trim(),
    body: paragraphBlocks(input.paragraphs),
    signature: input.unitName,
    date: input.date,
  };
}

/** The file's name: the title, made safe for a file system. */
export const briefingFileName = (title: string) =>
  `${title.replace(/[\\/:*?"<>|\r\n]+/g, '').slice(0, 80) || '工作简报'}.docx`;
