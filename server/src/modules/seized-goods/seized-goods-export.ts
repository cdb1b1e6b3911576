import { printedTable, streamXlsx, thinBorder } from '../../platform/documents/xlsx';
import { disposalText } from './disposal-text';

/** A ledger row as the export writes it (the service's view). */
export interface LedgerRow {
  id: string;
  unitName: string;
  categoryLabel: string;
  goods: string;
  description: string | null;
  measureLabel: string;
  quantity: string;
  quantityUnit: string;
  seizedDate: string;
  place: string;
  custodianName: string;
  entityName: string | null;
  entityCreditCode: string | null;
  ownerName: string | null;
  caseNumber: string | null;
  inspectionDate: string | null;
  confiscatedQuantity: string;
  disposedQuantity: string;
  heldQuantity: string;
  statusLabel: string;
}

export interface LedgerDisposal {
  seizedGoodsId: string;
  kindLabel: string;
  disposalDate: string;
  quantity: string;
  method: string | null;
  witnesses: string[];
  recipient: string | null;
}

export interface LedgerTotal {
  goods: string;
  quantityUnit: string;
  count: number;
  quantity: string;
  disposed: string;
  confiscated: string;
  held: string;
}

/**
 * A quantity as a spreadsheet cell: a number while a double holds it exactly as written (up to 15
 * significant digits, so 247.15 shows as 247.15), the exact text beyond.
 */
export function quantityCell(text: string): number | string {
  return text.replace(/[.-]/g, '').replace(/^0+/, '').length <= 15 ? Number(text) : text;
}

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 16 },
  { header: '违法类型', width: 12 },
  { header: '物品名称', width: 18 },
  { header: '规格/描述', width: 16 },
  { header: '措施', width: 12 },
  { header: '数量', width: 12 },
  { header: '计量单位', width: 8 },
  { header: '查扣日期', width: 12 },
  { header: '当事人', width: 18 },
  { header: '统一社会信用代码', width: 20 },
  { header: '案件/检查', width: 22 },
  { header: '存放地点', width: 16 },
  { header: '保管人', width: 10 },
  { header: '已没收', width: 10 },
  { header: '已处置', width: 10 },
  { header: '在库', width: 10 },
  { header: '状态', width: 10 },
  { header: '处置情况（日期、方式、数量、见证人）', width: 48 },
];

/**
 * 罚没物品台账.xlsx: one row per custody record with its disposals in words, then a sheet of the
 * totals per goods and unit of measure; A4 landscape, the header repeated on every printed page.
 */
export function seizedGoodsXlsx(rows: LedgerRow[], disposals: LedgerDisposal[], totals: LedgerTotal[], day: string) {
  const byRecord = new Map<string, LedgerDisposal[]>();
  for (const d of disposals) byRecord.set(d.seizedGoodsId, [...(byRecord.get(d.seizedGoodsId) ?? []), d]);
  return streamXlsx(async (wb) => {
    const ws = wb.addWorksheet('罚没物品台账', printedTable('landscape', '1:2'));
    ws.columns = COLUMNS.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, COLUMNS.length);
    const title = ws.getRow(1);
    title.getCell(1).value = `罚没物品台账（截至${day}）`;
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    title.commit();
    const header = ws.getRow(2);
    header.values = COLUMNS.map((c) => c.header);
    header.font = { bold: true };
    header.eachCell((c) => (c.border = thinBorder));
    header.commit();
    rows.forEach((r, i) => {
      const added = ws.addRow([
        i + 1,
        r.unitName,
        r.categoryLabel,
        r.goods,
        r.description ?? '',
        r.measureLabel,
        quantityCell(r.quantity),
        r.quantityUnit,
        r.seizedDate,
        r.entityName ?? r.ownerName ?? '',
        r.entityCreditCode ?? '',
        [r.caseNumber, r.inspectionDate ? `${r.inspectionDate}检查` : null].filter(Boolean).join('；'),
        r.place,
        r.custodianName,
        quantityCell(r.confiscatedQuantity),
        quantityCell(r.disposedQuantity),
        quantityCell(r.heldQuantity),
        r.statusLabel,
        (byRecord.get(r.id) ?? []).map((d) => disposalText(d, r.quantityUnit)).join('；\n'),
      ]);
      added.alignment = { vertical: 'top', wrapText: true };
      added.eachCell((c) => (c.border = thinBorder));
      added.commit();
    });
    ws.commit();

    const sums = wb.addWorksheet('合计', printedTable('landscape', '1:1'));
    sums.columns = [
      { header: '物品名称', width: 20 },
      { header: '计量单位', width: 10 },
      { header: '记录数', width: 8 },
      { header: '查扣数量', width: 14 },
      { header: '已没收', width: 14 },
      { header: '已处置', width: 14 },
      { header: '在库', width: 14 },
    ];
    sums.getRow(1).font = { bold: true };
    for (const t of totals) {
      const added = sums.addRow([
        t.goods,
        t.quantityUnit,
        t.count,
        quantityCell(t.quantity),
        quantityCell(t.confiscated),
        quantityCell(t.disposed),
        quantityCell(t.held),
      ]);
      added.eachCell((c) => (c.border = thinBorder));
      added.commit();
    }
  });
}
