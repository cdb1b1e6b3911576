import type { Db } from '../../db/database';
import type { FieldError } from '../../platform/errors';
import { cellText, cellYesNo, cellReader, optionalDate, requiredText } from '../../platform/tabular/cells';
import type { ImportColumn, ImportSpec } from '../../platform/tabular/import-rows';
import type { RecordTargets } from '../campaigns/record-targets';
import { LEAD_SOURCE_LABELS } from './lead.types';
import type { LeadInsert, LeadSource } from './leads.schema';

/**
 * The lead import (documented in docs/import.md): the columns of a 12315 platform export
 * (投诉举报登记), plus the campaign's unit and category. 来源 defaults to 12315投诉.
 */
export const LEAD_IMPORT_COLUMNS = [
  { key: 'sourceNumber', label: '登记编号', aliases: ['工单编号', '来源编号', '投诉举报编号'] },
  { key: 'source', label: '来源', aliases: ['线索来源', '类别'] },
  { key: 'receivedDate', label: '登记日期', required: true, aliases: ['接收日期', '受理日期', '发现日期'] },
  { key: 'unit', label: '承办单位', required: true, aliases: ['处理单位'] },
  { key: 'category', label: '违法类型', required: true },
  {
    key: 'partyName',
    label: '被投诉举报对象',
    required: true,
    aliases: ['当事人', '被投诉人', '被举报人', '被投诉方'],
  },
  { key: 'description', label: '诉求内容', required: true, aliases: ['投诉举报内容', '线索内容', '问题描述'] },
  { key: 'complainantName', label: '投诉举报人', aliases: ['投诉人', '举报人', '姓名'] },
  { key: 'complainantPhone', label: '联系电话', aliases: ['电话'] },
  { key: 'complainantIdNumber', label: '证件号码', aliases: ['身份证号码'] },
  { key: 'important', label: '重要线索' },
] as const satisfies readonly ImportColumn[];

const SOURCE_BY_LABEL = new Map<string, LeadSource>([
  ...Object.entries(LEAD_SOURCE_LABELS).map(([k, v]) => [v, k as LeadSource] as const),
  ['投诉', 'complaint'],
  ['举报', 'report'],
  ['12315', 'complaint'],
]);

export type ImportedLead = Omit<LeadInsert, 'id' | 'campaignId' | 'createdBy' | 'handlerIds' | 'dueDate'>;

export function leadImportSpec(opts: {
  targets: RecordTargets;
  today: string;
  canRegisterFor: (unitPath: string) => boolean;
  numbersTaken: (tx: Db, keys: { unitId: string; source: string; sourceNumber: string }[]) => Promise<Set<string>>;
  insert: (tx: Db, rows: ImportedLead[]) => Promise<void>;
}): ImportSpec<ImportedLead> {
  const { targets, today } = opts;
  const firstRow = new Map<string, number>();

  return {
    columns: LEAD_IMPORT_COLUMNS,

    parse(ctx) {
      const read = cellReader(ctx);
      const sourceText = cellText(ctx.get('source'));
      const source = sourceText ? SOURCE_BY_LABEL.get(sourceText) : 'complaint';
      if (!source)
        ctx.problem('source', `“${sourceText}”不是线索来源，应为：${Object.values(LEAD_SOURCE_LABELS).join('、')}`);
      const sourceNumber = cellText(ctx.get('sourceNumber')) || null;
      if (sourceNumber && sourceNumber.length > 60) ctx.problem('sourceNumber', '登记编号不能超过 60 个字');

      const receivedCell = optionalDate(ctx, 'receivedDate');
      if (receivedCell === null) ctx.problem('receivedDate', '请填写登记日期');
      if (receivedCell && receivedCell > today) ctx.problem('receivedDate', `登记日期 ${receivedCell} 晚于今天`);

      const unitRef = requiredText(ctx, 'unit', '承办单位', 200);
      const unit = unitRef === undefined ? undefined : targets.unit(unitRef);
      if (unit && !unit.ok) ctx.problem('unit', unit.message);
      if (unit?.ok && !opts.canRegisterFor(unit.value.path))
        ctx.problem('unit', `您不能为“${unit.value.name}”登记线索`);
      const categoryRef = requiredText(ctx, 'category', '违法类型', 100);
      const category = categoryRef === undefined ? undefined : targets.category(categoryRef);
      if (category && !category.ok) ctx.problem('category', category.message);

      const partyName = requiredText(ctx, 'partyName', '被投诉举报对象', 200);
      const description = requiredText(ctx, 'description', '诉求内容', 5000);
      const complainantName = cellText(ctx.get('complainantName')) || null;
      const complainantPhone = cellText(ctx.get('complainantPhone')) || null;
      if (complainantPhone && !/^[0-9+\-() ]{1,30}$/.test(complainantPhone))
        ctx.problem('complainantPhone', '电话号码只能包含数字、+、- 和括号');
      const idNumber = cellText(ctx.get('complainantIdNumber')).toUpperCase() || null;
      if (idNumber && !/^\d{17}[\dX]$/.test(idNumber)) ctx.problem('complainantIdNumber', '身份证号码应为18位');
      const important = read('important', cellYesNo);

      if (unit?.ok && source && sourceNumber) {
        const key = `${unit.value.id}|${source}|${sourceNumber}`;
        const first = firstRow.get(key);
        if (first !== undefined) ctx.problem('sourceNumber', `登记编号“${sourceNumber}”与第 ${first} 行重复`);
        else firstRow.set(key, ctx.row);
      }
      if (!unit?.ok || !category?.ok || !source || !receivedCell || !partyName || !description) return null;
      return {
        unitId: unit.value.id,
        categoryCode: category.value,
        source,
        sourceNumber,
        receivedDate: receivedCell,
        partyName,
        description,
        complainantName,
        complainantPhone,
        complainantIdNumber: idNumber,
        important: important ?? false,
      };
    },

    async checkBatch(tx, batch) {
      const numbered = batch.filter((b) => b.value.sourceNumber);
      const taken = await opts.numbersTaken(
        tx,
        numbered.map((b) => ({ unitId: b.value.unitId, source: b.value.source, sourceNumber: b.value.sourceNumber! })),
      );
      const errors: FieldError[] = [];
      for (const b of numbered) {
        if (taken.has(`${b.value.unitId}|${b.value.source}|${b.value.sourceNumber}`)) {
          errors.push({
            row: b.row,
            column: '登记编号',
            message: `该单位已登记编号为“${b.value.sourceNumber}”的线索（同一文件不能重复导入）`,
          });
        }
      }
      return errors;
    },

    insertBatch: (tx, rows) => opts.insert(tx, rows),
  };
}
