import { officialDocumentBuffer, type Block } from '../../platform/documents/official-document';
import { todayInChina } from '../../platform/today';
import { ASSISTANCE_KIND_LABELS } from './assistance-status';
import type { AssistanceNamedRow } from './assistance.repository';

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph', text: t }));

/**
 * 协查函 / 线索通报 per GB/T 9704 (platform/documents/official-document.ts): the sender's name as
 * 版头, its 文号, the receiving bureau as 主送机关, 基本情况, 协查事项 and the reply deadline, the
 * sender's files as 附件说明. Only what both sides see: nothing of the sender's own records.
 */
export async function assistanceDocument(row: AssistanceNamedRow, attachmentNames: string[]) {
  const label = ASSISTANCE_KIND_LABELS[row.kind];
  const [y, m, d] = row.replyDueDate.split('-').map(Number);
  const body: Block[] = [
    { kind: 'heading1', text: '一、基本情况' },
    ...paragraphs(row.facts),
    { kind: 'heading1', text: row.kind === 'assistance' ? '二、协查事项' : '二、请核查处理的事项' },
    ...paragraphs(row.requestedItems),
    { kind: 'heading1', text: '三、答复期限' },
    {
      kind: 'paragraph',
      text: `请于${y}年${m}月${d}日前将${row.kind === 'assistance' ? '协查' : '核查处理'}情况函复我局。`,
    },
  ];
  const content = await officialDocumentBuffer({
    organMark: `${row.fromUnitName}${label}`,
    docNumber: row.documentNumber,
    title: row.title,
    recipients: `${row.toUnitName}：`,
    body,
    attachments: attachmentNames,
    signature: row.fromUnitName,
    date: todayInChina(row.createdAt),
  });
  return { fileName: `${label}-${row.title}.docx`.replace(/[\\/:*?"<>|]/g, '_'), content };
}
