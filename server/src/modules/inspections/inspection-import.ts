import type { Db } from '../../db/database';
import { cellCount, cellReader, cellText, optionalDate, requiredText } from '../../platform/tabular/cells';
import type { ImportColumn, ImportSpec } from '../../platform/tabular/import-rows';
import type { RecordTargets } from '../campaigns/record-targets';
import { INSPECTION_TYPE_LABELS } from './inspection.types';
import { PLACE_KINDS, type InspectionInsert, type InspectionType, type PlaceKind } from './inspections.schema';

/** 检查方式 as a spreadsheet writes it: the labels, and 日常检查/飞行检查 … with their 检查. */
const TYPE_BY_LABEL = new Map<string, InspectionType>(
  Object.entries(INSPECTION_TYPE_LABELS).flatMap(([k, v]) => [
    [v, k as InspectionType],
    [`${v}检查`, k as InspectionType],
  ]),
);
TYPE_BY_LABEL.set('飞行（交叉）检查', 'flying');
TYPE_BY_LABEL.set('抽检', 'sampling');
TYPE_BY_LABEL.set('抽查', 'sampling');

/** The inspection import (documented in docs/import.md). */
export const INSPECTION_IMPORT_COLUMNS = [
  { key: 'inspectionDate', label: '检查日期', required: true },
  { key: 'unit', label: '检查单位', required: true },
  { key: 'category', label: '违法类型', required: true },
  { key: 'inspectionType', label: '检查方式', aliases: ['检查类型'] },
  { key: 'staffDeployed', label: '出动人次', required: true, aliases: ['出动执法人员'] },
  { key: 'vehicles', label: '车辆台次', aliases: ['出动车辆'] },
  { key: 'entitiesInspected', label: '检查家次', required: true, aliases: ['检查企业', '检查经营户'] },
  { key: 'places', label: '检查场所' },
  { key: 'focusArea', label: '重点区域' },
  { key: 'unlicensedBanned', label: '取缔无照', aliases: ['取缔无照经营'] },
  { key: 'rapidTestBatches', label: '快检批次' },
  { key: 'rapidTestItems', label: '快检品种' },
  { key: 'rapidTestFailed', label: '快检不合格批次' },
  { key: 'samplingBatches', label: '抽检批次' },
  { key: 'samplingItems', label: '抽检品种' },
  { key: 'samplingFailed', label: '抽检不合格批次' },
  { key: 'rectificationOrders', label: '责令整改' },
  { key: 'findings', label: '检查发现' },
] as const satisfies readonly ImportColumn[];

export type ImportedInspection = Omit<InspectionInsert, 'id' | 'campaignId' | 'createdBy'>;

export function inspectionImportSpec(opts: {
  targets: RecordTargets;
  today: string;
  canRecordFor: (unitPath: string) => boolean;
  insert: (tx: Db, rows: ImportedInspection[]) => Promise<void>;
}): ImportSpec<ImportedInspection> {
  const { targets, today } = opts;
  return {
    columns: INSPECTION_IMPORT_COLUMNS,
    parse(ctx) {
      const read = cellReader(ctx);
      const dateCell = optionalDate(ctx, 'inspectionDate');
      if (dateCell === null) ctx.problem('inspectionDate', '请填写检查日期');
      if (dateCell && dateCell > today) ctx.problem('inspectionDate', `检查日期 ${dateCell} 晚于今天`);
      const unitRef = requiredText(ctx, 'unit', '检查单位', 200);
      const unit = unitRef === undefined ? undefined : targets.unit(unitRef);
      if (unit && !unit.ok) ctx.problem('unit', unit.message);
      if (unit?.ok && !opts.canRecordFor(unit.value.path))
        ctx.problem('unit', `您不能为“${unit.value.name}”登记检查记录`);
      const categoryRef = requiredText(ctx, 'category', '违法类型', 100);
      const category = categoryRef === undefined ? undefined : targets.category(categoryRef);
      if (category && !category.ok) ctx.problem('category', category.message);

      if (!cellText(ctx.get('staffDeployed'))) ctx.problem('staffDeployed', '请填写出动人次');
      if (!cellText(ctx.get('entitiesInspected'))) ctx.problem('entitiesInspected', '请填写检查家次');
      const counts = {
        staffDeployed: read('staffDeployed', cellCount),
        vehicles: read('vehicles', cellCount),
        entitiesInspected: read('entitiesInspected', cellCount),
        unlicensedBanned: read('unlicensedBanned', cellCount),
        rapidTestBatches: read('rapidTestBatches', cellCount),
        rapidTestItems: read('rapidTestItems', cellCount),
        rapidTestFailed: read('rapidTestFailed', cellCount),
        samplingBatches: read('samplingBatches', cellCount),
        samplingItems: read('samplingItems', cellCount),
        samplingFailed: read('samplingFailed', cellCount),
        rectificationOrders: read('rectificationOrders', cellCount),
      };
      if ((counts.rapidTestFailed ?? 0) > (counts.rapidTestBatches ?? 0))
        ctx.problem('rapidTestFailed', '快检不合格批次不能多于快检批次');
      if ((counts.samplingFailed ?? 0) > (counts.samplingBatches ?? 0))
        ctx.problem('samplingFailed', '抽检不合格批次不能多于抽检批次');

      const placeText = cellText(ctx.get('places'));
      const places = placeText ? placeText.split(/[、,，;；/\s]+/).filter(Boolean) : [];
      const unknown = places.filter((p) => !(PLACE_KINDS as readonly string[]).includes(p));
      if (unknown.length)
        ctx.problem('places', `“${unknown.join('、')}”不是检查场所，可填：${PLACE_KINDS.join('、')}（多个用顿号分隔）`);
      const focusArea = cellText(ctx.get('focusArea')) || null;
      const findings = cellText(ctx.get('findings')) || null;
      const typeText = cellText(ctx.get('inspectionType'));
      const inspectionType = typeText ? TYPE_BY_LABEL.get(typeText) : 'special';
      if (!inspectionType)
        ctx.problem(
          'inspectionType',
          `“${typeText}”不是检查方式，可填：${Object.values(INSPECTION_TYPE_LABELS).join('、')}`,
        );

      if (
        !dateCell ||
        !unit?.ok ||
        !category?.ok ||
        !inspectionType ||
        Object.values(counts).some((v) => v === undefined)
      )
        return null;
      return {
        unitId: unit.value.id,
        categoryCode: category.value,
        inspectionType,
        inspectionDate: dateCell,
        ...(counts as Record<keyof typeof counts, number>),
        places: places as PlaceKind[],
        focusArea,
        findings,
      };
    },
    insertBatch: (tx, rows) => opts.insert(tx, rows),
  };
}
