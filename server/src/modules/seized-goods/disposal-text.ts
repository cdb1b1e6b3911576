import { cellDate } from '../../platform/tabular/cells';
import { DISPOSAL_KIND_LABELS, DISPOSAL_KINDS, type DisposalKind } from './seized-quantity';

/** A disposal as the ledger writes it in words (处置情况) and as its import reads it back. */
export interface DisposalWords {
  kindLabel: string;
  disposalDate: string;
  quantity: string;
  method: string | null;
  witnesses: string[];
  recipient: string | null;
}

/** 2026-04-10 销毁3478公斤，方式：无害化处理，接收：…，见证人：张三、李四 */
export function disposalText(d: DisposalWords, unit: string): string {
  const parts = [`${d.disposalDate} ${d.kindLabel}${d.quantity}${unit}`];
  if (d.method) parts.push(`方式：${d.method}`);
  if (d.recipient) parts.push(`接收：${d.recipient}`);
  if (d.witnesses.length) parts.push(`见证人：${d.witnesses.join('、')}`);
  return parts.join('，');
}

export interface ParsedDisposal {
  kind: DisposalKind;
  disposalDate: string;
  quantity: string;
  method: string | null;
  witnesses: string[];
  recipient: string | null;
}

const kindByLabel = new Map<string, DisposalKind>(DISPOSAL_KINDS.map((k) => [DISPOSAL_KIND_LABELS[k], k]));
const SEGMENT =
  /^(\S+)\s*(返还|没收|销毁|移交)\s*([\d.,]+)\s*(.*?)(?:，方式：(.*?))?(?:，接收：(.*?))?(?:，见证人：(.*))?$/;

/**
 * The disposals of a 处置情况 cell (the ledger's own words, one per line or separated by ；), each in
 * `unit`; or the Chinese sentence saying which part cannot be read.
 */
export function parseDisposals(
  text: string,
  unit: string,
): { ok: true; value: ParsedDisposal[] } | { ok: false; message: string } {
  const value: ParsedDisposal[] = [];
  const parts = text
    .split(/[；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const where = parts.length > 1 ? `第 ${i + 1} 项处置“${part}”` : `“${part}”`;
    const m = SEGMENT.exec(part.replace(/,(?=\D)/g, '，'));
    if (!m)
      return {
        ok: false,
        message: `${where}无法识别，应写作“2026-04-10 销毁3478公斤，方式：无害化处理，见证人：张三、李四”（多项以；分隔）`,
      };
    const date = cellDate(m[1]);
    if (!date.ok) return { ok: false, message: `${where}的日期${date.message}` };
    const written = m[4].trim();
    if (written !== unit) return { ok: false, message: `${where}的计量单位“${written}”与本行计量单位“${unit}”不一致` };
    value.push({
      kind: kindByLabel.get(m[2])!,
      disposalDate: date.value,
      quantity: m[3].replace(/,/g, ''),
      method: m[5]?.trim() || null,
      recipient: m[6]?.trim() || null,
      witnesses: (m[7] ?? '')
        .split(/[、，,]/)
        .map((w) => w.trim())
        .filter(Boolean),
    });
  }
  return { ok: true, value };
}
