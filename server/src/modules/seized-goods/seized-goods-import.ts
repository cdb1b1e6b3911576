import type { Db } from '../../db/database';
import type { FieldError } from '../../platform/errors';
import { cellText, optionalDate, requiredText } from '../../platform/tabular/cells';
import type { ImportColumn, ImportSpec } from '../../platform/tabular/import-rows';
import type { ImportRowContext } from '../../platform/tabular/import-types';
import { isSameLine } from '../../platform/scope';
import type { RecordTargets } from '../campaigns/record-targets';
import { parseDisposals, type ParsedDisposal } from './disposal-text';
import { amountsOf } from './seized-goods-checks';
import { SEIZURE_MEASURE_LABELS, SEIZURE_MEASURES, type SeizureMeasure } from './seized-goods-kinds';
import {
  custodyBalance,
  CUSTODY_STATUS_LABELS,
  disposalProblem,
  fromThousandths,
  quantityProblem,
  toThousandths,
  type CustodyBalance,
  type CustodyStatus,
} from './seized-quantity';

/**
 * The 罚没物品台账 import (docs/import.md): the columns of the ledger the module exports, so an
 * exported ledger comes back in as it went out. 序号 and the 合计 sheet are not read.
 */
export const SEIZED_GOODS_IMPORT_COLUMNS = [
  { key: 'unit', label: '单位', required: true, aliases: ['承办单位', '查扣单位'] },
  { key: 'category', label: '违法类型', required: true },
  { key: 'goods', label: '物品名称', required: true, aliases: ['名称', '物品'] },
  { key: 'description', label: '规格/描述', aliases: ['规格', '描述'] },
  { key: 'measure', label: '措施', aliases: ['强制措施'] },
  { key: 'quantity', label: '数量', required: true, aliases: ['查扣数量'] },
  { key: 'quantityUnit', label: '计量单位', required: true },
  { key: 'seizedDate', label: '查扣日期', required: true, aliases: ['扣押日期', '查封日期'] },
  { key: 'owner', label: '当事人' },
  { key: 'creditCode', label: '统一社会信用代码' },
  { key: 'caseNumber', label: '案件编号', aliases: ['案件/检查'] },
  { key: 'place', label: '存放地点', required: true },
  { key: 'custodian', label: '保管人', required: true },
  { key: 'confiscated', label: '已没收' },
  { key: 'disposed', label: '已处置' },
  { key: 'held', label: '在库' },
  { key: 'status', label: '状态' },
  { key: 'disposals', label: '处置情况', aliases: ['处置情况（日期、方式、数量、见证人）'] },
  { key: 'note', label: '备注' },
] as const satisfies readonly ImportColumn[];

export interface ImportedSeizedGoods {
  unitId: string;
  unitPath: string;
  categoryCode: string;
  goods: string;
  description: string | null;
  measure: SeizureMeasure;
  quantity: string;
  quantityUnit: string;
  seizedDate: string;
  ownerName: string | null;
  creditCode: string | null;
  caseNumber: string | null;
  place: string;
  custodianName: string;
  disposals: ParsedDisposal[];
  note: string | null;
}

/** What the rows of a batch name, resolved in the importer's scope (the repository's reads). */
export interface SeizedGoodsRefs {
  custodians: { id: string; displayName: string; unitPath: string }[];
  cases: { id: string; caseNumber: string; unitPath: string }[];
  entities: { id: string; name: string; creditCode: string }[];
}

const label = (key: string) => SEIZED_GOODS_IMPORT_COLUMNS.find((c) => c.key === key)!.label;
const measureByLabel = new Map<string, SeizureMeasure>(SEIZURE_MEASURES.map((m) => [SEIZURE_MEASURE_LABELS[m], m]));
const statusByLabel = new Map<string, CustodyStatus>(
  Object.entries(CUSTODY_STATUS_LABELS).map(([k, v]) => [v, k as CustodyStatus]),
);
/** 案件/检查 as the ledger writes it: "案件编号；2026-04-10检查" — the outing's part is not a case. */
const OUTING_PART = /^\d{4}-\d{2}-\d{2}检查$/;

/** The record a row's 保管人, 案件编号 and 统一社会信用代码 name; a problem per column otherwise. */
export function resolveRow(value: ImportedSeizedGoods, refs: SeizedGoodsRefs) {
  const errors: { column: string; message: string }[] = [];
  const custodians = refs.custodians.filter(
    (u) => u.displayName === value.custodianName && isSameLine(value.unitPath, u.unitPath),
  );
  if (custodians.length === 0)
    errors.push({
      column: label('custodian'),
      message: `保管人“${value.custodianName}”不是该单位或其上级、下级单位的在职人员`,
    });
  else if (custodians.length > 1)
    errors.push({
      column: label('custodian'),
      message: `该单位条线上有 ${custodians.length} 人名为“${value.custodianName}”，请在台账导入后逐条指定保管人`,
    });
  let caseId: string | null = null;
  if (value.caseNumber) {
    const found = refs.cases.filter((c) => c.caseNumber === value.caseNumber && isSameLine(value.unitPath, c.unitPath));
    if (found.length === 1) caseId = found[0].id;
    else
      errors.push({
        column: label('caseNumber'),
        message:
          found.length > 1
            ? `案件编号“${value.caseNumber}”对应多个案件，请在导入后逐条关联`
            : `案件编号“${value.caseNumber}”不存在或不在您的权限范围内`,
      });
  }
  let entityId: string | null = null;
  if (value.creditCode) {
    const entity = refs.entities.find((e) => e.creditCode === value.creditCode);
    if (entity) entityId = entity.id;
    else
      errors.push({
        column: label('creditCode'),
        message: `统一社会信用代码“${value.creditCode}”不在您权限范围内的市场主体名录中`,
      });
  }
  return { errors, custodian: custodians.length === 1 ? custodians[0] : undefined, caseId, entityId };
}

/** The disposals of the row, checked in order like the disposal form (销毁: two witnesses and a method …). */
function checkDisposals(
  ctx: ImportRowContext,
  row: Pick<ImportedSeizedGoods, 'measure' | 'quantity' | 'quantityUnit' | 'seizedDate'>,
  list: ParsedDisposal[],
  today: string,
) {
  const done: { kind: ParsedDisposal['kind']; quantity: string }[] = [];
  for (const [i, d] of list.entries()) {
    const n = list.length > 1 ? `第 ${i + 1} 项处置` : '处置';
    const problems: string[] = [];
    if (d.kind === 'destroyed' && new Set(d.witnesses).size < 2)
      problems.push('销毁应有至少两名见证人（姓名各不相同）');
    if (d.kind === 'destroyed' && !d.method) problems.push('请写明销毁方式（如“方式：无害化处理”）');
    if (d.kind === 'handed_over' && !d.recipient) problems.push('请写明接收移交的单位（如“接收：某某局”）');
    if (d.disposalDate > today) problems.push(`处置日期 ${d.disposalDate} 晚于今天`);
    if (d.disposalDate < row.seizedDate) problems.push(`处置日期 ${d.disposalDate} 早于查扣日期`);
    const amount = disposalProblem(row.quantity, row.quantityUnit, amountsOf(row, done), d);
    if (amount) problems.push(amount);
    for (const p of problems) ctx.problem('disposals', `${n}：${p}`);
    if (problems.length) return null;
    done.push({ kind: d.kind, quantity: d.quantity });
  }
  return custodyBalance(row.quantity, amountsOf(row, done));
}

/** 已没收, 已处置, 在库 and 状态, when the file gives them, must agree with 处置情况 (they are computed from it). */
function checkTotals(ctx: ImportRowContext, b: CustodyBalance, unit: string) {
  const expected: [string, bigint][] = [
    ['confiscated', b.confiscated],
    ['disposed', b.out],
    ['held', b.held],
  ];
  for (const [key, want] of expected) {
    const text = cellText(ctx.get(key)).replace(/,/g, '');
    if (!text) continue;
    if (toThousandths(text) !== want)
      ctx.problem(key, `${label(key)}“${text}”与处置情况不符，按处置情况应为 ${fromThousandths(want)}${unit}`);
  }
  const status = cellText(ctx.get('status'));
  if (status && statusByLabel.get(status) !== b.status)
    ctx.problem('status', `状态“${status}”与处置情况不符，应为“${CUSTODY_STATUS_LABELS[b.status]}”`);
}

export function seizedGoodsImportSpec(opts: {
  targets: RecordTargets;
  today: string;
  canRecordFor: (unitPath: string) => boolean;
  refs: (tx: Db, rows: ImportedSeizedGoods[]) => Promise<SeizedGoodsRefs>;
  insert: (tx: Db, rows: ImportedSeizedGoods[]) => Promise<void>;
}): ImportSpec<ImportedSeizedGoods> {
  const { targets, today } = opts;
  const optional = (ctx: ImportRowContext, key: string, max: number) => {
    const v = cellText(ctx.get(key));
    if (v.length > max) ctx.problem(key, `${label(key)}不能超过 ${max} 个字`);
    return v || null;
  };
  return {
    columns: SEIZED_GOODS_IMPORT_COLUMNS,
    parse(ctx) {
      const unitRef = requiredText(ctx, 'unit', '单位', 200);
      const unit = unitRef === undefined ? undefined : targets.unit(unitRef);
      if (unit && !unit.ok) ctx.problem('unit', unit.message);
      if (unit?.ok && !opts.canRecordFor(unit.value.path))
        ctx.problem('unit', `您不能为“${unit.value.name}”登记涉案财物`);
      const categoryRef = requiredText(ctx, 'category', '违法类型', 100);
      const category = categoryRef === undefined ? undefined : targets.category(categoryRef);
      if (category && !category.ok) ctx.problem('category', category.message);
      const goods = requiredText(ctx, 'goods', '物品名称', 200);
      const description = optional(ctx, 'description', 500);
      const measureText = cellText(ctx.get('measure'));
      const measure = measureText ? measureByLabel.get(measureText) : 'detained';
      if (!measure) ctx.problem('measure', `措施应为：${Object.values(SEIZURE_MEASURE_LABELS).join('、')}`);
      const quantityText = cellText(ctx.get('quantity')).replace(/,/g, '');
      const qtyProblem = quantityText ? quantityProblem(quantityText, '数量') : '请填写数量';
      if (qtyProblem) ctx.problem('quantity', `${qtyProblem}${quantityText ? `，现为“${quantityText}”` : ''}`);
      const quantityUnit = requiredText(ctx, 'quantityUnit', '计量单位', 20);
      const seizedDate = optionalDate(ctx, 'seizedDate');
      if (seizedDate === null) ctx.problem('seizedDate', '请填写查扣日期');
      if (seizedDate && seizedDate > today) ctx.problem('seizedDate', `查扣日期 ${seizedDate} 晚于今天`);
      const ownerName = optional(ctx, 'owner', 200);
      const creditCode = optional(ctx, 'creditCode', 18)?.toUpperCase() ?? null;
      const caseParts = cellText(ctx.get('caseNumber'))
        .split(/[；;]/)
        .map((s) => s.trim())
        .filter((s) => s && !OUTING_PART.test(s));
      if (caseParts.length > 1) ctx.problem('caseNumber', '一行只能关联一个案件编号');
      const caseNumber = caseParts[0] ?? null;
      const place = requiredText(ctx, 'place', '存放地点', 200);
      const custodianName = requiredText(ctx, 'custodian', '保管人', 50);
      const note = optional(ctx, 'note', 2000);

      if (!unit?.ok || !category?.ok || !goods || !measure || qtyProblem || !quantityUnit || !seizedDate) return null;
      if (!place || !custodianName || caseParts.length > 1) return null;
      const row = { measure, quantity: quantityText, quantityUnit, seizedDate };
      const written = cellText(ctx.get('disposals'));
      const parsed = written ? parseDisposals(written, quantityUnit) : { ok: true as const, value: [] };
      if (!parsed.ok) {
        ctx.problem('disposals', parsed.message);
        return null;
      }
      const balance = checkDisposals(ctx, row, parsed.value, today);
      if (!balance) return null;
      checkTotals(ctx, balance, quantityUnit);
      return {
        unitId: unit.value.id,
        unitPath: unit.value.path,
        categoryCode: category.value,
        goods,
        description,
        ...row,
        ownerName,
        creditCode,
        caseNumber,
        place,
        custodianName,
        disposals: parsed.value,
        note,
      };
    },

    async checkBatch(tx, batch) {
      const refs = await opts.refs(
        tx,
        batch.map((b) => b.value),
      );
      const errors: FieldError[] = [];
      for (const { row, value } of batch)
        for (const e of resolveRow(value, refs).errors) errors.push({ row, column: e.column, message: e.message });
      return errors;
    },

    insertBatch: (tx, rows) => opts.insert(tx, rows),
  };
}
