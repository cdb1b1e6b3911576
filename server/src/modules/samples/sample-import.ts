import type { Db } from '../../db/database';
import type { FieldError } from '../../platform/errors';
import { cellText, optionalDate, requiredText } from '../../platform/tabular/cells';
import type { ImportColumn, ImportSpec } from '../../platform/tabular/import-rows';
import { isPathWithin } from '../../platform/scope';
import type { RecordTargets } from '../campaigns/record-targets';
import {
  SAMPLE_KIND_LABELS,
  SAMPLE_KINDS,
  SAMPLE_RESULT_LABELS,
  SAMPLE_RESULTS,
  type SampleKind,
  type SampleResult,
} from './sample-kinds';

/** The sample import (抽检结果 as bureaus keep them in Excel; documented in docs/import.md). */
export const SAMPLE_IMPORT_COLUMNS = [
  { key: 'sampledDate', label: '抽样日期', required: true },
  { key: 'unit', label: '抽样单位', required: true },
  { key: 'category', label: '违法类型', required: true },
  { key: 'creditCode', label: '统一社会信用代码', required: true, aliases: ['被抽样单位统一社会信用代码'] },
  { key: 'product', label: '样品名称', required: true, aliases: ['食品名称', '产品名称'] },
  { key: 'brandSpec', label: '商标/规格', aliases: ['商标', '规格型号'] },
  { key: 'batch', label: '批号或生产日期', aliases: ['批号', '生产日期', '生产日期/批号'] },
  { key: 'sampleKind', label: '抽检类型' },
  { key: 'lab', label: '检验机构' },
  { key: 'reportNumber', label: '报告编号', aliases: ['检验报告编号'] },
  { key: 'resultDate', label: '结果日期', aliases: ['报告日期'] },
  { key: 'result', label: '检验结论', aliases: ['检验结果'] },
  { key: 'failedItems', label: '不合格项目' },
] as const satisfies readonly ImportColumn[];

export interface ImportedSample {
  unitId: string;
  unitPath: string;
  categoryCode: string;
  creditCode: string;
  product: string;
  brandSpec: string | null;
  batch: string | null;
  sampledDate: string;
  sampleKind: SampleKind;
  lab: string | null;
  reportNumber: string | null;
  resultDate: string | null;
  result: SampleResult;
  failedItems: string | null;
}

const kindByLabel = new Map<string, SampleKind>(SAMPLE_KINDS.map((k) => [SAMPLE_KIND_LABELS[k], k]));
const resultByLabel = new Map<string, SampleResult>([
  ...SAMPLE_RESULTS.map((r) => [SAMPLE_RESULT_LABELS[r], r] as const),
  ['未出结果', 'pending'],
]);
const label = (key: string) => SAMPLE_IMPORT_COLUMNS.find((c) => c.key === key)!.label;

export function sampleImportSpec(opts: {
  targets: RecordTargets;
  today: string;
  canRecordFor: (unitPath: string) => boolean;
  /** The register's entities by credit code, with their supervising units' paths. */
  entities: (tx: Db, codes: string[]) => Promise<{ creditCode: string; name: string; unitPath: string }[]>;
  insert: (tx: Db, rows: ImportedSample[]) => Promise<void>;
}): ImportSpec<ImportedSample> {
  const { targets, today } = opts;
  const text = (ctx: Parameters<ImportSpec<ImportedSample>['parse']>[0], key: string, max: number) => {
    const v = cellText(ctx.get(key));
    if (v.length > max) ctx.problem(key, `${label(key)}不能超过 ${max} 个字`);
    return v || null;
  };
  return {
    columns: SAMPLE_IMPORT_COLUMNS,
    parse(ctx) {
      const sampledDate = optionalDate(ctx, 'sampledDate');
      if (sampledDate === null) ctx.problem('sampledDate', '请填写抽样日期');
      if (sampledDate && sampledDate > today) ctx.problem('sampledDate', `抽样日期 ${sampledDate} 晚于今天`);
      const unitRef = requiredText(ctx, 'unit', '抽样单位', 200);
      const unit = unitRef === undefined ? undefined : targets.unit(unitRef);
      if (unit && !unit.ok) ctx.problem('unit', unit.message);
      if (unit?.ok && !opts.canRecordFor(unit.value.path))
        ctx.problem('unit', `您不能为“${unit.value.name}”登记抽检记录`);
      const categoryRef = requiredText(ctx, 'category', '违法类型', 100);
      const category = categoryRef === undefined ? undefined : targets.category(categoryRef);
      if (category && !category.ok) ctx.problem('category', category.message);
      const creditCode = requiredText(ctx, 'creditCode', '被抽样单位的统一社会信用代码', 18)?.toUpperCase();
      const product = requiredText(ctx, 'product', '样品名称', 100);

      const kindText = cellText(ctx.get('sampleKind'));
      const sampleKind = kindText ? kindByLabel.get(kindText) : 'supervision';
      if (!sampleKind) ctx.problem('sampleKind', `抽检类型应为：${Object.values(SAMPLE_KIND_LABELS).join('、')}`);
      const resultText = cellText(ctx.get('result'));
      const result = resultText ? resultByLabel.get(resultText) : 'pending';
      if (!result) ctx.problem('result', '检验结论应为：合格、不合格或待检');
      const resultDate = optionalDate(ctx, 'resultDate');
      if (result && result !== 'pending' && resultDate === null)
        ctx.problem('resultDate', '已出检验结论时请填写结果日期');
      if (resultDate && sampledDate && resultDate < sampledDate) ctx.problem('resultDate', '结果日期不能早于抽样日期');
      if (resultDate && resultDate > today) ctx.problem('resultDate', `结果日期 ${resultDate} 晚于今天`);
      const failedItems = text(ctx, 'failedItems', 2000);
      if (result === 'fail' && !failedItems) ctx.problem('failedItems', '检验结论为不合格时请填写不合格项目');
      if (result && result !== 'fail' && failedItems)
        ctx.problem('failedItems', '只有检验结论为不合格时才填写不合格项目');
      const brandSpec = text(ctx, 'brandSpec', 200);
      const batch = text(ctx, 'batch', 100);
      const lab = text(ctx, 'lab', 200);
      const reportNumber = text(ctx, 'reportNumber', 100);

      if (!sampledDate || !unit?.ok || !category?.ok || !creditCode || !product || !sampleKind || !result) return null;
      if (resultDate === undefined) return null;
      return {
        unitId: unit.value.id,
        unitPath: unit.value.path,
        categoryCode: category.value,
        creditCode,
        product,
        brandSpec,
        batch,
        sampledDate,
        sampleKind,
        lab,
        reportNumber,
        resultDate,
        result,
        failedItems,
      };
    },

    /** The entity named by its credit code must be in the register, under the sampling unit. */
    async checkBatch(tx, batch) {
      const found = new Map(
        (await opts.entities(tx, [...new Set(batch.map((b) => b.value.creditCode))])).map((e) => [e.creditCode, e]),
      );
      const errors: FieldError[] = [];
      for (const { row, value } of batch) {
        const entity = found.get(value.creditCode);
        if (!entity)
          errors.push({
            row,
            column: label('creditCode'),
            message: `统一社会信用代码“${value.creditCode}”不在市场主体名录中，请先登记该主体`,
          });
        else if (!isPathWithin(entity.unitPath, value.unitPath))
          errors.push({ row, column: label('creditCode'), message: `“${entity.name}”不由该抽样单位或其下级单位监管` });
      }
      return errors;
    },

    insertBatch: (tx, rows) => opts.insert(tx, rows),
  };
}
