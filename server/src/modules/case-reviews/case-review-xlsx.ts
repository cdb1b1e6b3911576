import { printedTable, thinBorder, writeXlsx } from '../../platform/documents/xlsx';
import type { ReviewItemScore, ReviewSheetItem } from './case-reviews.schema';

export interface ScoresSheetInput {
  title: string;
  organizerName: string;
  items: ReviewSheetItem[];
  files: {
    unitName: string;
    caseNumber: string;
    caseName: string;
    reviewerName: string | null;
    status: 'pending' | 'submitted';
    scores: ReviewItemScore[];
    total: number | null;
    remarks: string | null;
  }[];
  ranking: {
    rank: number | null;
    unitName: string;
    files: number;
    scored: number;
    sum: number;
    average: number | null;
  }[];
}

/** 评查结果汇总表: every file with its points per item, then the units ranked by their average. */
export function scoresXlsx(input: ScoresSheetInput): Promise<Buffer> {
  return writeXlsx((wb) => {
    const head = [
      '序号',
      '被评查单位',
      '案件编号',
      '案件名称',
      '评查人员',
      ...input.items.map((i) => `${i.name}（${i.maxPoints}分）`),
      '总分',
      '状态',
      '评查意见',
    ];
    const ws = wb.addWorksheet('评查结果汇总表', printedTable('landscape', '1:3'));
    ws.columns = head.map((h, i) => ({
      width: i === 0 ? 6 : i === 3 ? 34 : i === head.length - 1 ? 40 : Math.max(10, h.length * 2),
    }));
    ws.mergeCells(1, 1, 1, head.length);
    ws.getCell(1, 1).value = `${input.title}评查结果汇总表`;
    ws.getCell(1, 1).font = { bold: true, size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.getRow(1).commit();
    ws.getRow(2).getCell(1).value = `组织单位：${input.organizerName}`;
    ws.getRow(2).commit();
    const header = ws.getRow(3);
    head.forEach((h, i) => {
      const c = header.getCell(i + 1);
      c.value = h;
      c.font = { bold: true };
      c.border = thinBorder;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    header.commit();
    input.files.forEach((f, n) => {
      const points = input.items.map((i) => f.scores.find((s) => s.key === i.key)?.points ?? null);
      const row = ws.getRow(4 + n);
      [
        n + 1,
        f.unitName,
        f.caseNumber,
        f.caseName,
        f.reviewerName ?? '未分配',
        ...points,
        f.total,
        f.status === 'submitted' ? '已提交' : '未提交',
        f.remarks ?? '',
      ].forEach((v, i) => {
        const c = row.getCell(i + 1);
        c.value = v;
        c.border = thinBorder;
        c.alignment = { vertical: 'middle', wrapText: true };
      });
      row.commit();
    });
    const rs = wb.addWorksheet('单位排名', printedTable('portrait', '1:1'));
    rs.columns = [{ width: 8 }, { width: 30 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
    const rh = rs.getRow(1);
    ['名次', '被评查单位', '抽取案卷', '已评查', '总分', '平均分'].forEach((h, i) => {
      rh.getCell(i + 1).value = h;
      rh.getCell(i + 1).font = { bold: true };
      rh.getCell(i + 1).border = thinBorder;
    });
    rh.commit();
    input.ranking.forEach((u, n) => {
      const row = rs.getRow(2 + n);
      [u.rank, u.unitName, u.files, u.scored, u.sum, u.average].forEach((v, i) => {
        row.getCell(i + 1).value = v;
        row.getCell(i + 1).border = thinBorder;
      });
      row.commit();
    });
  });
}

export const scoresFileName = (title: string) =>
  `${title.replace(/[\\/:*?"<>|\r\n]+/g, '').slice(0, 60) || '案卷评查'}评查结果汇总表.xlsx`;
