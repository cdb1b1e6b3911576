import type { Db } from '../../db/database';
import { creditCodeProblem } from '../../platform/credit-code';
import type { FieldError } from '../../platform/errors';
import { cellText, requiredText } from '../../platform/tabular/cells';
import type { ImportColumn, ImportSpec } from '../../platform/tabular/import-rows';
import type { Resolved } from '../campaigns/record-targets';
import type { UnitRow } from '../units/units.schema';
import type { EntityUpsert } from './market-entities.repository';
import { ENTITY_KIND_LABELS, RISK_LABELS } from './market-entity.types';

/** The register import (documented in docs/import.md). */
export const ENTITY_IMPORT_COLUMNS = [
  { key: 'name', label: '名称', required: true, aliases: ['企业名称', '主体名称', '市场主体名称'] },
  { key: 'creditCode', label: '统一社会信用代码', required: true },
  { key: 'unit', label: '管辖单位', required: true, aliases: ['监管单位', '登记机关'] },
  { key: 'address', label: '住所', aliases: ['地址', '经营场所'] },
  { key: 'industry', label: '行业', aliases: ['行业类别'] },
  { key: 'divisionCode', label: '行政区划代码', aliases: ['区划代码'] },
  { key: 'riskLevel', label: '风险等级' },
  { key: 'licence', label: '许可证', aliases: ['许可信息', '许可证号'] },
  { key: 'entityKind', label: '主体类型', aliases: ['市场主体类型', '类型'] },
  { key: 'operatorName', label: '法定代表人', aliases: ['经营者', '负责人', '法定代表人（经营者）'] },
] as const satisfies readonly ImportColumn[];

const RISK_BY_LABEL = new Map<string, EntityUpsert['riskLevel']>([
  ...Object.entries(RISK_LABELS).map(([k, v]) => [v, k as EntityUpsert['riskLevel']] as const),
  ['低', 'low'],
  ['中', 'medium'],
  ['一般', 'medium'],
  ['高', 'high'],
  ['较高风险', 'high'],
]);

const KIND_BY_LABEL = new Map<string, EntityUpsert['entityKind']>([
  ...Object.entries(ENTITY_KIND_LABELS).map(([k, v]) => [v, k as EntityUpsert['entityKind']] as const),
  ['个体户', 'individual'],
  ['合作社', 'cooperative'],
  ['公司', 'enterprise'],
]);

export function entityImportSpec(opts: {
  unit: (ref: string) => Resolved<UnitRow>;
  inScope: (unitId: string) => boolean;
  existing: (tx: Db, codes: string[]) => Promise<{ creditCode: string; unitId: string }[]>;
  upsert: (tx: Db, rows: EntityUpsert[]) => Promise<void>;
}): ImportSpec<EntityUpsert> {
  const firstRow = new Map<string, number>();
  return {
    columns: ENTITY_IMPORT_COLUMNS,
    parse(ctx) {
      const name = requiredText(ctx, 'name', '名称', 200);
      const code = cellText(ctx.get('creditCode')).toUpperCase();
      if (!code) ctx.problem('creditCode', '请填写统一社会信用代码');
      const codeProblem = code ? creditCodeProblem(code) : null;
      if (codeProblem) ctx.problem('creditCode', codeProblem);
      if (code && !codeProblem) {
        const first = firstRow.get(code);
        if (first !== undefined) ctx.problem('creditCode', `统一社会信用代码与第 ${first} 行重复`);
        else firstRow.set(code, ctx.row);
      }
      const unitRef = requiredText(ctx, 'unit', '管辖单位', 200);
      const unit = unitRef === undefined ? undefined : opts.unit(unitRef);
      if (unit && !unit.ok) ctx.problem('unit', unit.message);
      const riskText = cellText(ctx.get('riskLevel'));
      const riskLevel = riskText ? RISK_BY_LABEL.get(riskText) : 'low';
      if (!riskLevel) ctx.problem('riskLevel', `“${riskText}”应为：低风险、一般风险、高风险`);
      const divisionCode = cellText(ctx.get('divisionCode')) || null;
      if (divisionCode && !/^\d{6}(\d{3}|\d{6})?$/.test(divisionCode))
        ctx.problem('divisionCode', '行政区划代码应为6、9或12位数字');
      const kindText = cellText(ctx.get('entityKind'));
      const entityKind = kindText ? KIND_BY_LABEL.get(kindText) : 'enterprise';
      if (!entityKind) ctx.problem('entityKind', `“${kindText}”应为：企业、个体工商户、农民专业合作社、其他`);
      if (!name || !code || codeProblem || !unit?.ok || !riskLevel || !entityKind) return null;
      return {
        name,
        creditCode: code,
        unitId: unit.value.id,
        address: cellText(ctx.get('address')) || null,
        industry: cellText(ctx.get('industry')) || null,
        divisionCode,
        riskLevel,
        licence: cellText(ctx.get('licence')) || null,
        entityKind,
        operatorName: cellText(ctx.get('operatorName')) || null,
      };
    },
    async checkBatch(tx, batch) {
      const known = new Map(
        (
          await opts.existing(
            tx,
            batch.map((b) => b.value.creditCode),
          )
        ).map((e) => [e.creditCode, e.unitId]),
      );
      const errors: FieldError[] = [];
      for (const b of batch) {
        const owner = known.get(b.value.creditCode);
        if (owner && !opts.inScope(owner))
          errors.push({
            row: b.row,
            column: '统一社会信用代码',
            message: '该市场主体由您权限范围以外的单位管辖，不能修改',
          });
      }
      return errors;
    },
    insertBatch: (tx, rows) => opts.upsert(tx, rows),
  };
}
