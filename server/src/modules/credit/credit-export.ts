import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { streamXlsx, thinBorder } from '../../platform/documents/xlsx';
import { maskName } from '../../platform/masking';
import { excelAmount, fenToWanYuanExact } from '../../platform/money';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CreditService, LedgerQuery } from './credit.service';
import { publicationDue, publicationStatus, PUBLICATION_STATUS_LABELS } from './publication-due';

const EXPORT_LIMIT = 10_000;

/**
 * The columns of the national 行政处罚信息 data collection (国家企业信用信息公示系统 / 信用中国 归集),
 * those the ledger holds filled and the others left blank for the office to complete.
 */
export const PUBLICATION_EXPORT_HEADERS = [
  '行政相对人名称',
  '行政相对人类别',
  '统一社会信用代码',
  '法定代表人',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '没收违法所得、没收非法财物的金额（万元）',
  '处罚决定日期',
  '公示截止期',
  '处罚机关',
  '数据来源单位',
  '备注',
] as const;

/** 处罚类别 from the amounts the case records (警告, 吊销 … are in 处罚内容). */
function penaltyKinds(fineFen: number, confiscatedFen: number) {
  const kinds = [];
  if (fineFen > 0) kinds.push('罚款');
  if (confiscatedFen > 0) kinds.push('没收违法所得、没收非法财物');
  return kinds.join('；');
}

/**
 * 行政处罚信息公示 batch (.xlsx), the ledger's filtered rows. A natural person (partyKind person) is
 * published as the rules on publishing penalty information require of personal data: the name
 * partly hidden (张**) and no identity number (the 统一社会信用代码 column stays empty).
 */
export function createPublicationExport(deps: {
  db: Db;
  creditService: Pick<CreditService, 'ledgerRows'>;
  campaignsRepository: Pick<CampaignsRepository, 'namesAndCategories'>;
}) {
  return async function xlsx(actor: Actor, q: LedgerQuery) {
    const { cal, day, rows } = await deps.creditService.ledgerRows(actor, q, EXPORT_LIMIT);
    const { labels } = await deps.campaignsRepository.namesAndCategories(deps.db, [
      ...new Set(rows.map((r) => r.campaignId)),
    ]);
    const content = streamXlsx(async (wb) => {
      const ws = wb.addWorksheet('行政处罚信息');
      ws.columns = PUBLICATION_EXPORT_HEADERS.map((header, i) => ({
        header,
        width: [0, 6, 7, 9].includes(i) ? 30 : 16,
      }));
      ws.getRow(1).font = { bold: true };
      for (const r of rows) {
        const person = r.partyKind === 'person';
        const due = publicationDue(cal, r.decisionDate);
        const status = publicationStatus(
          cal,
          { decisionDate: r.decisionDate, published: r.published || !!r.publicationId },
          day,
        );
        const added = ws.addRow([
          person ? maskName(r.partyName) : r.partyName,
          person ? '自然人' : '法人及非法人组织',
          person ? '' : (r.partyCreditCode ?? ''),
          '',
          r.caseNumber,
          labels.get(`${r.campaignId}:${r.categoryCode}`) ?? r.categoryCode,
          r.summary ?? '',
          '',
          penaltyKinds(r.fineFen, r.confiscatedFen),
          r.penaltyContent ?? '',
          excelAmount(fenToWanYuanExact(r.fineFen)),
          excelAmount(fenToWanYuanExact(r.confiscatedFen)),
          r.decisionDate,
          '',
          r.organName,
          r.organName,
          `${PUBLICATION_STATUS_LABELS[status]}；应于${due}前公示${r.publishedDate ? `；${r.publishedDate}已公示` : ''}`,
        ]);
        added.eachCell((c) => (c.border = thinBorder));
        added.commit();
      }
    });
    return { fileName: `行政处罚信息公示-${day}.xlsx`, content };
  };
}

export type PublicationExport = ReturnType<typeof createPublicationExport>;
