import type ExcelJS from 'exceljs';
import { printedTable, thinBorder, writeXlsx } from '../../../platform/documents/xlsx';
import type { CampaignsService } from '../campaigns.service';
import type { LiaisonsService } from '../liaisons.service';

type CampaignView = Awaited<ReturnType<CampaignsService['get']>>;
type LiaisonList = Awaited<ReturnType<LiaisonsService['list']>>;

const title = (ws: ExcelJS.Worksheet, row: number, text: string, lastCol: number) => {
  ws.mergeCells(row, 1, row, lastCol);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: '方正小标宋简体', size: 18 };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = 36;
};

const boxed = (cell: ExcelJS.Cell, value: ExcelJS.CellValue, bold = false) => {
  cell.value = value;
  cell.border = thinBorder;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.font = { name: '仿宋_GB2312', size: 12, bold };
};

/** 任务分工表: tasks down, units across, 牵头 / 配合 in the cells. */
export function taskMatrixXlsx(c: CampaignView): Promise<Buffer> {
  const involved = c.units.filter((u) =>
    c.tasks.some((t) => t.leadUnitIds.includes(u.id) || t.cooperatingUnitIds.includes(u.id)),
  );
  const hasPending = c.tasks.some((t) => t.pendingLeadRoles.length || t.pendingCooperatingRoles.length);
  const fixed = ['序号', '任务分组', '重点任务', '违法类型'];
  const lastCol = fixed.length + involved.length + (hasPending ? 1 : 0);
  return writeXlsx(async (wb) => {
    const ws = wb.addWorksheet('任务分工', printedTable('landscape', '1:2'));
    ws.columns = [
      { width: 6 },
      { width: 18 },
      { width: 40 },
      { width: 16 },
      ...involved.map(() => ({ width: 10 })),
      ...(hasPending ? [{ width: 24 }] : []),
    ];
    title(ws, 1, `${c.name}任务分工表`, lastCol);
    const header = ws.getRow(2);
    [...fixed, ...involved.map((u) => u.name), ...(hasPending ? ['待分配（方案所列部门）'] : [])].forEach((h, i) =>
      boxed(header.getCell(i + 1), h, true),
    );
    header.height = 48;
    header.commit();
    c.tasks.forEach((t, i) => {
      const row = ws.getRow(3 + i);
      const category = c.categories.find((x) => x.code === t.categoryCode)?.label ?? t.categoryCode;
      [i + 1, t.area, t.title, category].forEach((v, j) => boxed(row.getCell(j + 1), v));
      row.getCell(3).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      involved.forEach((u, j) =>
        boxed(
          row.getCell(fixed.length + 1 + j),
          t.leadUnitIds.includes(u.id) ? '牵头' : t.cooperatingUnitIds.includes(u.id) ? '配合' : '',
        ),
      );
      if (hasPending) {
        const pending = [
          ...t.pendingLeadRoles.map((r) => `${r}（牵头）`),
          ...t.pendingCooperatingRoles.map((r) => `${r}（配合）`),
        ].join('、');
        boxed(row.getCell(lastCol), pending);
      }
      row.commit();
    });
    ws.commit();
  });
}

/** 附件1 联络员表, one sheet for all participating units, in the printed layout. */
export function liaisonsXlsx(c: CampaignView, list: LiaisonList): Promise<Buffer> {
  const headers = ['部门', '', '姓名', '职务', '办公电话', '手机', '传真'];
  return writeXlsx(async (wb) => {
    const ws = wb.addWorksheet('联络员表', printedTable('portrait', '3:3'));
    ws.columns = [
      { width: 26 },
      { width: 12 },
      { width: 12 },
      { width: 22 },
      { width: 16 },
      { width: 16 },
      { width: 16 },
    ];
    ws.getCell(1, 1).value = '附件1';
    ws.getCell(1, 1).font = { name: '黑体', size: 14 };
    ws.getRow(1).commit();
    title(ws, 2, `${c.name.replace(/(方案|实施方案)$/, '')}联络员表`, headers.length);
    ws.getRow(2).commit();
    const header = ws.getRow(3);
    headers.forEach((h, i) => boxed(header.getCell(i + 1), h, true));
    header.commit();
    let r = 4;
    for (const item of list.items) {
      ws.mergeCells(r, 1, r + 1, 1);
      for (const [offset, label, p] of [
        [0, '分管领导', item.leader],
        [1, '联络员', item.liaison],
      ] as const) {
        const row = ws.getRow(r + offset);
        row.height = 24; // room to fill the printed form in by hand
        boxed(row.getCell(1), offset === 0 ? item.unitName : null);
        [label, p?.name ?? '', p?.position ?? '', p?.officePhone ?? '', p?.mobile ?? '', p?.fax ?? ''].forEach((v, j) =>
          boxed(row.getCell(j + 2), v),
        );
        row.commit();
      }
      r += 2;
    }
    const notes = ['说明：', '1．本表各参加单位（各相关科室、各市场监管所、执法大队）均要填报；'];
    if (c.liaisonDeadline)
      notes.push(`2．请于${c.liaisonDeadline.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}前报送。`);
    notes.forEach((n, i) => {
      const row = ws.getRow(r + 1 + i);
      row.getCell(1).value = n;
      row.getCell(1).font = { name: '仿宋_GB2312', size: 12 };
      row.commit();
    });
    ws.commit();
  });
}
