import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { invalidField } from '../../platform/errors';
import { fenToYuan } from '../../platform/money';
import { todayInChina } from '../../platform/today';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import { comparisonWorkbook } from './documents/comparison-xlsx';
import type { ManualFiguresRepository } from './manual-figures.repository';
import type { DerivedFigure } from './metrics';
import type { RollupsService } from './rollups.service';
import { BUILT_IN_TEMPLATES, isMoney, templateByCode, type StatColumn, type StatTemplate } from './stat-templates';

export type ComparisonQuery = {
  template?: string;
  unitId?: string;
  from?: string;
  to?: string;
  /** Sort the units by one cell: a column key, in a category (or 合计), ascending or descending. */
  sort?: string;
  sortCategory?: string;
  order?: 'asc' | 'desc';
};

/** One unit's cells: category code (and 'total') → column key → value (元 text for money). */
type Cells = Record<string, Record<string, string>>;
type Values = Map<string, Map<string, bigint>>;

const TOTAL = 'total';

/**
 * 单位对比: a statistics table turned on its side — one row per unit directly below the asked unit
 * (each counting its own subtree) and 合计 (the asked unit's own table), the template's columns
 * grouped by category and 合计. Derived figures from one roll-up read (figureGroups by unit and
 * category), manual ones (手工填报) from their sums per unit; a row equals GET /stat-table asked for
 * that unit, 合计 equals the asked unit's table.
 */
export function createUnitComparisonService(deps: {
  db: Db;
  rollupsService: Pick<RollupsService, 'figureScope' | 'figureGroups' | 'childUnits' | 'childCounts'>;
  manualFiguresRepository: ManualFiguresRepository;
  campaignsRepository: CampaignsRepository;
  /** The heavy reads' handle (DATABASE_READ_URL, db/read-replica.ts); `db` when not given. */
  reader?: Db;
}) {
  const { db, rollupsService, manualFiguresRepository: manual, campaignsRepository } = deps;
  const reader = deps.reader ?? db;

  function requireTemplate(code?: string): StatTemplate {
    const template = templateByCode(code);
    if (!template)
      throw invalidField('template', `没有这个统计表模板，可选：${BUILT_IN_TEMPLATES.map((t) => t.code).join('、')}`);
    return template;
  }

  /** Each unit's values by category and column: the roll-up's figures, the manual sums, 合计 over the categories. */
  async function valuesByUnit(
    q: { campaignId: string; campaignPath: string; from: string; to: string },
    units: { id: string; path: string }[],
    template: StatTemplate,
    categories: string[],
  ): Promise<Map<string, Values>> {
    const derived = template.columns.flatMap((c) => (c.source.kind === 'derived' ? [c.source.figure] : []));
    const hasManual = template.columns.some((c) => c.source.kind === 'manual');
    const [groups, manualSums] = await Promise.all([
      rollupsService.figureGroups(
        { campaignId: q.campaignId, unitIds: units.map((u) => u.id), from: q.from, to: q.to, by: ['unit', 'category'] },
        derived,
      ),
      // 手工填报: one grouped query for all the units, each the same sums as the unit's own table.
      hasManual
        ? manual.sumsByUnit(reader, {
            campaignPath: q.campaignPath,
            unitIds: units.map((u) => u.id),
            from: q.from,
            to: q.to,
          })
        : new Map<string, Map<string, bigint>>(),
    ]);
    const known = new Set(categories);
    const figures = new Map<string, Map<string, Record<DerivedFigure, bigint>>>();
    for (const g of groups) {
      // Only the campaign's categories count, as in the unit's own table (its 合计 sums those).
      if (!known.has(g.key.category!)) continue;
      const byCategory = figures.get(g.key.unit!) ?? new Map();
      byCategory.set(g.key.category!, g.values);
      figures.set(g.key.unit!, byCategory);
    }
    const valueOf = (c: StatColumn, unitId: string, category: string, sums: Map<string, bigint>) =>
      c.source.kind === 'derived'
        ? (figures.get(unitId)?.get(category)?.[c.source.figure] ?? 0n)
        : (sums.get(`${category}|${c.key}`) ?? 0n);
    return new Map(
      units.map((u) => {
        const values: Values = new Map();
        const total = new Map(template.columns.map((c) => [c.key, 0n]));
        for (const category of categories) {
          const row = new Map(
            template.columns.map((c) => [c.key, valueOf(c, u.id, category, manualSums.get(u.id) ?? new Map())]),
          );
          for (const [k, v] of row) total.set(k, total.get(k)! + v);
          values.set(category, row);
        }
        values.set(TOTAL, total);
        return [u.id, values];
      }),
    );
  }

  async function comparison(actor: Actor, campaignId: string, q: ComparisonQuery) {
    const template = requireTemplate(q.template);
    const { campaign, unit, to, from: campaignFrom } = await rollupsService.figureScope(actor, campaignId, q);
    // The period as GET /stat-table takes it: a cumulative template from 1 January unless given.
    const from = q.from ?? (template.cumulative ? `${to.slice(0, 4)}-01-01` : campaignFrom);
    if (from > to) throw invalidField('from', '统计起始日期不能晚于截止日期');
    const categoryRows = await campaignsRepository.categories(db, campaignId);
    const categories = categoryRows.map((c) => c.code);
    if (q.sortCategory && q.sortCategory !== TOTAL && !categories.includes(q.sortCategory))
      throw invalidField('sortCategory', '该行动没有这个违法类型');
    if (q.sort && !template.columns.some((c) => c.key === q.sort))
      throw invalidField('sort', `统计表“${template.name}”没有这一列`);
    const children = await rollupsService.childUnits(unit.id);
    const [values, grandchildren] = await Promise.all([
      valuesByUnit({ campaignId, campaignPath: campaign.path, from, to }, [unit, ...children], template, categories),
      rollupsService.childCounts(children.map((c) => c.id)),
    ]);
    const show = (c: StatColumn, v: bigint) => (isMoney(c) ? fenToYuan(v) : String(v));
    const cellsOf = (unitId: string): Cells =>
      Object.fromEntries(
        [...values.get(unitId)!].map(([category, row]) => [
          category,
          Object.fromEntries(template.columns.map((c) => [c.key, show(c, row.get(c.key)!)])),
        ]),
      );
    let rows = children.map((c) => ({
      unitId: c.id,
      unitName: c.name,
      kind: c.kind,
      divisionCode: c.divisionCode,
      childCount: grandchildren.get(c.id) ?? 0,
      cells: cellsOf(c.id),
    }));
    if (q.sort) {
      const key = q.sort;
      const category = q.sortCategory ?? TOTAL;
      const sign = q.order === 'asc' ? 1 : -1;
      const v = (id: string) => values.get(id)!.get(category)!.get(key)!;
      // Exact (BigInt) comparison; ties keep the units' code order.
      rows = [...rows].sort((a, b) => {
        const x = v(a.unitId);
        const y = v(b.unitId);
        return x === y ? 0 : x < y ? -sign : sign;
      });
    }
    return {
      template: {
        code: template.code,
        name: template.name,
        cumulative: template.cumulative,
        columns: template.columns.map((c) => ({
          key: c.key,
          name: c.name,
          unit: c.unit,
          kind: c.source.kind,
          money: isMoney(c),
          figure: c.source.kind === 'derived' ? c.source.figure : null,
        })),
      },
      categories: [
        ...categoryRows.map((c) => ({ code: c.code, label: c.label, subLabel: c.subLabel as string | null })),
        { code: TOTAL, label: '合计', subLabel: null },
      ],
      campaignId,
      campaignName: campaign.name,
      unitId: unit.id,
      unitName: unit.name,
      parentUnitId: unit.parentId,
      from,
      to,
      rows,
      total: { unitId: unit.id, unitName: unit.name, cells: cellsOf(unit.id) },
    };
  }

  return {
    comparison,

    /** 单位对比 as printed (.xlsx): A4 landscape, the categories as merged header groups, money in 万元. */
    async comparisonXlsx(actor: Actor, campaignId: string, q: ComparisonQuery) {
      const c = await comparison(actor, campaignId, q);
      const title = `${c.campaignName}${c.template.name.replace(/（.*）$/, '')}（分单位）`;
      return {
        fileName: `${c.unitName}${c.template.name}分单位对比（${c.from}至${c.to}）.xlsx`,
        content: await comparisonWorkbook(title, c, todayInChina()),
      };
    },
  };
}

export type UnitComparisonService = ReturnType<typeof createUnitComparisonService>;
export type UnitComparison = Awaited<ReturnType<UnitComparisonService['comparison']>>;
