import { AUTHORITY_LABELS } from '../../platform/authorities';
import { chineseDate, officialDocumentBuffer, type Block } from '../../platform/documents/official-document';
import type { TransferListRow } from './transfers.repository';

/**
 * 移送书 (GB/T 9704): 涉嫌犯罪案件移送书 to a judicial organ (《行政执法机关移送涉嫌犯罪案件的规定》
 * 第六条: 移送书, 调查报告, 涉案物品清单, 检验报告), 线索移送函 to another department.
 */
export function transferDocument(input: { transfer: TransferListRow; unitName: string }) {
  const t = input.transfer;
  const isCase = t.caseId !== null;
  const judicial = isCase && (t.receiverKind === 'police' || t.receiverKind === 'procuratorate');
  const subject = isCase ? `${t.caseName ?? ''}（${t.caseNumber ?? ''}）` : `关于${t.leadPartyName ?? ''}的案件线索`;
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: judicial
        ? `我局在查处${subject}过程中，发现该案涉嫌犯罪。根据《行政执法机关移送涉嫌犯罪案件的规定》的规定，现将该案移送你${t.receiverKind === 'police' ? '局' : '院'}，请依法审查。`
        : `我局在工作中发现${subject}，属于你单位（${AUTHORITY_LABELS[t.receiverKind]}）职责范围，现予移送，请依法处理。`,
    },
  ];
  if (t.reason.trim())
    body.push({ kind: 'heading1', text: '一、移送理由' }, { kind: 'paragraph', text: t.reason.trim() });
  if (t.materials.length) {
    body.push({ kind: 'heading1', text: t.reason.trim() ? '二、移送材料' : '一、移送材料' });
    t.materials.forEach((m, i) => body.push({ kind: 'paragraph', text: `${i + 1}. ${m}` }));
  }
  body.push({
    kind: 'paragraph',
    text: `请于${chineseDate(t.replyDueDate)}前将${judicial ? '是否立案的决定' : '处理情况'}书面告知我局。`,
  });
  return officialDocumentBuffer({
    organMark: input.unitName,
    docNumber: t.documentNumber,
    title: judicial ? '涉嫌犯罪案件移送书' : '案件线索移送函',
    recipients: `${t.receiverName}：`,
    body,
    signature: input.unitName,
    date: t.transferDate,
  });
}

export const transferFileName = (t: TransferListRow) =>
  `${(t.caseId ? `移送书-${t.caseNumber ?? ''}` : `线索移送函-${t.leadPartyName ?? ''}`).replace(/[\\/:*?"<>|\r\n]+/g, '').slice(0, 80)}.docx`;
