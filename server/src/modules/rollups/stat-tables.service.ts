import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, invalidField, unprocessable } from '../../platform/errors';
import { fenToYuan, yuanToFen } from '../../platform/money';
import { figureDef, type DerivedFigure } from './metrics';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { UnitsRepository } from '../units/units.repository';
import type { RollupsService } from './rollups.service';
import type { ManualFiguresRepository } from './manual-figures.repository';
import { statsWorkbook } from './documents/stats-xlsx';
import { statTablePolicy } from './stat-tables.policy';
import { changePercent, yearEarlier } from '../../platform/year-compare';
import {
  ANNEX2_CODE,
  BUILT_IN_TEMPLATES,
  isMoney,
  templateByCode,
  type StatColumn,
  type StatTemplate,
} from './stat-templates';

/**
 * A column as the API shows it: its label and unit as printed, derived or manual, money or count,
 * and whether the records behind it can be listed (穿透: a drillable figure's records, or the
 * manual entries) — the web draws its columns from this, not from a list of its own.
 */
const columnView = (c: StatColumn) => ({
  key: c.key,
  name: c.name,
  unit: c.unit,
  kind: c.source.kind,
  money: isMoney(c),
  figure: c.source.kind === 'derived' ? c.source.figure : null,
  drillable: c.source.kind === 'manual' || figureDef(c.source.figure).drillable,
});

type TableQuery = { template?: string; unitId?: string; from?: string; to?: string; compare?: 'previous' };

/**
 * The doors to the same tables. GET /stat-table(.xlsx) is the web's: a template over its own period
 * (a cumulative one from 1 January), the file named after the template. GET /stats.xlsx is the
 * older door kept as an alias: annex 2 over the period of GET /stats (from the campaign's start,
 * the figures reports freeze and briefings quote), the file named after its printed title.
 */
type PrintDoor = { fromCampaignStart: boolean; namedAfter: 'template' | 'title' };
const PRINT_DOORS = {
  statTable: { fromCampaignStart: false, namedAfter: 'template' },
  stats: { fromCampaignStart: true, namedAfter: 'title' },
} as const satisfies Record<string, PrintDoor>;

/** Every manual column of the built-in templates, by key. */
const MANUAL_COLUMNS = new Map(
  BUILT_IN_TEMPLATES.flatMap((t) =>
    t.columns.filter((c) => c.source.kind === 'manual').map((c) => [c.key, c] as const),
  ),
);

type FigureRow = { category: string; values: Record<DerivedFigure, bigint> };

const zeroCells = (template: StatTemplate) => Object.fromEntries(template.columns.map((c) => [c.key, 0n]));

/**
 * Each row's value per column: derived figures (合计 included) from the roll-up, manual ones from
 * their sums, their 合计 over the categories (合计 comes last, after the categories it sums).
 */
function cellValues(template: StatTemplate, rows: FigureRow[], sums: Map<string, bigint>) {
  const manualTotal = new Map<string, bigint>();
  const valueOf = (c: StatColumn, row: FigureRow) => {
    if (c.source.kind === 'derived') return row.values[c.source.figure];
    if (row.category === 'total') return manualTotal.get(c.key) ?? 0n;
    const v = sums.get(`${row.category}|${c.key}`) ?? 0n;
    manualTotal.set(c.key, (manualTotal.get(c.key) ?? 0n) + v);
    return v;
  };
  return new Map(
    rows.map((row) => [row.category, Object.fromEntries(template.columns.map((c) => [c.key, valueOf(c, row)]))]),
  );
}

/**
 * Statistics tables from templates (统计表模板): the columns of any built-in table, derived figures
 * from the live roll-ups and manual figures (手工填报) entered per unit with a reason, both summed
 * over the unit's subtree, for any dates.
 */
export function createStatTablesService(deps: {
  db: Db;
  rollupsService: Pick<RollupsService, 'figureScope' | 'figureRows'>;
  manualFiguresRepository: ManualFiguresRepository;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  /** The heavy reads' handle (DATABASE_READ_URL, db/read-replica.ts); `db` when not given. */
  reader?: Db;
}) {
  const {
    db,
    rollupsService,
    manualFiguresRepository: manual,
    campaignsRepository,
    unitsRepository,
    auditService,
  } = deps;
  const reader = deps.reader ?? db;

  function requireTemplate(code?: string): StatTemplate {
    const template = templateByCode(code);
    if (!template)
      throw invalidField('template', `没有这个统计表模板，可选：${BUILT_IN_TEMPLATES.map((t) => t.code).join('、')}`);
    return template;
  }

  /**
   * One table of a template for a unit (its subtree) and dates: the derived figures from the one
   * computation (rollupsService.figureRows), the manual ones summed here; 合计 last.
   */
  async function table(actor: Actor, campaignId: string, q: TableQuery, door: PrintDoor) {
    const template = requireTemplate(q.template);
    const { campaign, unit, to, from: campaignFrom } = await rollupsService.figureScope(actor, campaignId, q);
    // A cumulative table counts from 1 January unless the dates are given (seed 004: due 2 May covers 1 Jan – 30 Apr).
    const from = q.from ?? (template.cumulative && !door.fromCampaignStart ? `${to.slice(0, 4)}-01-01` : campaignFrom);
    if (from > to) throw invalidField('from', '统计起始日期不能晚于截止日期');
    const derived = template.columns.flatMap((c) => (c.source.kind === 'derived' ? [c.source.figure] : []));
    const [figureRows, sums] = await Promise.all([
      rollupsService.figureRows({ campaignId, unitId: unit.id, from, to }, derived),
      manual.sums(reader, { campaignPath: campaign.path, unitPath: unit.path, from, to }),
    ]);
    const show = (c: StatColumn, v: bigint) => (isMoney(c) ? fenToYuan(v) : String(v));
    const current = cellValues(template, figureRows, sums);
    const previous = q.compare === 'previous' ? await previousYear(campaign, unit, template, derived, from, to) : null;
    const rows = figureRows.map((row) => {
      const cur = current.get(row.category)!;
      const prev = previous ? (previous.values.get(row.category) ?? zeroCells(template)) : null;
      return {
        category: row.category,
        label: row.label,
        subLabel: row.subLabel,
        cells: Object.fromEntries(template.columns.map((c) => [c.key, show(c, cur[c.key])])),
        ...(prev
          ? {
              previous: Object.fromEntries(template.columns.map((c) => [c.key, show(c, prev[c.key])])),
              change: Object.fromEntries(template.columns.map((c) => [c.key, changePercent(cur[c.key], prev[c.key])])),
            }
          : {}),
      };
    });
    return {
      template: {
        code: template.code,
        name: template.name,
        cumulative: template.cumulative,
        columns: template.columns.map(columnView),
      },
      campaignId,
      unitId: unit.id,
      unitName: unit.name,
      from,
      to,
      /** 同比: the predecessor plan (上一年度行动) and the period one year earlier, when asked. */
      comparison: previous
        ? {
            campaignId: previous.campaign.id,
            campaignName: previous.campaign.name,
            from: previous.from,
            to: previous.to,
          }
        : null,
      rows,
    };
  }

  /**
   * 同比: the predecessor's figures (rollupsService.figureRows for its campaign, and its manual
   * figures) for the unit and the same month-days one year earlier, by category code.
   */
  async function previousYear(
    campaign: { predecessorCampaignId: string | null },
    unit: { id: string; path: string },
    template: StatTemplate,
    derived: DerivedFigure[],
    from: string,
    to: string,
  ) {
    if (!campaign.predecessorCampaignId) throw unprocessable('compare', '本行动未指定上一年度行动，无法同比');
    const predecessor = (await campaignsRepository.findById(db, campaign.predecessorCampaignId))!;
    const period = { from: yearEarlier(from), to: yearEarlier(to) };
    const [rows, sums] = await Promise.all([
      rollupsService.figureRows({ campaignId: predecessor.id, unitId: unit.id, ...period }, derived),
      manual.sums(reader, { campaignPath: predecessor.path, unitPath: unit.path, ...period }),
    ]);
    return { campaign: predecessor, ...period, values: cellValues(template, rows, sums) };
  }

  /** A printed row's values: the figures, and with 同比 each one's 上年同期 and 增减 (undefined: blank). */
  function printedValues(r: {
    cells: Record<string, string>;
    previous?: Record<string, string>;
    change?: Record<string, number | null>;
  }): Record<string, string | number> {
    const out: Record<string, string | number> = { ...r.cells };
    for (const [k, v] of Object.entries(r.previous ?? {})) out[`${k}:previous`] = v;
    for (const [k, v] of Object.entries(r.change ?? {})) if (v !== null) out[`${k}:change`] = v;
    return out;
  }

  /** The one writer of a printed table (.xlsx): the unit's table, then for a bureau one sheet per unit below it. */
  async function printed(actor: Actor, campaignId: string, q: TableQuery, door: PrintDoor) {
    const own = await table(actor, campaignId, q, door);
    const campaign = (await campaignsRepository.findById(db, campaignId))!;
    const children = (
      await unitsRepository.listSubtree(db, (await unitsRepository.findById(db, own.unitId))!.path)
    ).filter((u) => u.parentId === own.unitId);
    const below = [];
    for (const child of children)
      below.push(await table(actor, campaignId, { ...q, unitId: child.id, from: own.from, to: own.to }, door));
    const asPrinted = (t: typeof own) => ({
      unitName: t.unitName,
      from: t.from,
      to: t.to,
      rows: t.rows.map((r) => ({ ...r, values: printedValues(r) })),
    });
    const template = requireTemplate(q.template);
    // 同比: beside each figure the predecessor's (上年同期) and the change (增减%), blank when the previous is 0.
    const compared = own.comparison;
    const layout = {
      columns: own.template.columns.flatMap((c) => [
        { key: c.key, name: c.name, unit: c.unit, wan: c.money },
        ...(compared
          ? [
              { key: `${c.key}:previous`, name: `${c.name}上年同期`, unit: c.unit, wan: c.money },
              { key: `${c.key}:change`, name: `${c.name}增减`, unit: '%', percent: true },
            ]
          : []),
      ]),
      note: `${template.note ?? (template.cumulative ? '累计统计。' : '按统计期间统计。')}${
        compared
          ? `同比：上年同期为上一年度行动“${compared.campaignName}”${compared.from}至${compared.to}的数字，增减为百分比（上年同期为0时不计）。`
          : ''
      }`,
    };
    const title = `${campaign.name}${template.name.replace(/（.*）$/, '')}`;
    const named = door.namedAfter === 'title' ? title : template.name;
    return {
      fileName: `${own.unitName}${named}（${own.from}至${own.to}）.xlsx`,
      content: await statsWorkbook(title, asPrinted(own), below.map(asPrinted), todayInChina(), layout),
    };
  }

  return {
    /** The built-in templates with their columns as the API shows them. */
    templates: () =>
      BUILT_IN_TEMPLATES.map((t) => ({
        code: t.code,
        name: t.name,
        basis: t.basis,
        cumulative: t.cumulative,
        note: t.note,
        columns: t.columns.map(columnView),
      })),

    table: (actor: Actor, campaignId: string, q: TableQuery) => table(actor, campaignId, q, PRINT_DOORS.statTable),

    /** The table as printed (.xlsx), the roll-up with a sheet per unit below for a bureau (GET /stat-table.xlsx). */
    tableXlsx: (actor: Actor, campaignId: string, q: TableQuery) =>
      printed(actor, campaignId, q, PRINT_DOORS.statTable),

    /**
     * GET /stats.xlsx, kept for its readers: an alias of the printed table with annex 2, over the
     * period of GET /stats (from the campaign's start unless given) and named after the campaign.
     */
    statsXlsx: (actor: Actor, campaignId: string, q: Omit<TableQuery, 'template'>) =>
      printed(actor, campaignId, { ...q, template: ANNEX2_CODE }, PRINT_DOORS.stats),

    /** 手工填报: a figure the records cannot give, for a unit, category and day, with its reason. */
    async enter(
      actor: Actor,
      campaignId: string,
      input: { unitId: string; categoryCode: string; columnKey: string; day: string; value: string; reason: string },
    ) {
      const { campaign, unit } = await rollupsService.figureScope(actor, campaignId, {
        unitId: input.unitId,
        from: input.day,
        to: input.day,
      });
      if (!statTablePolicy.canEnterFigures(actor, unit.path))
        throw forbidden('只有本单位的联络员、办案人员或上级专项办可以填报');
      const column = MANUAL_COLUMNS.get(input.columnKey);
      if (!column) throw invalidField('columnKey', `“${input.columnKey}”不是需要手工填报的统计项目`);
      if (!(await campaignsRepository.categories(db, campaignId)).some((c) => c.code === input.categoryCode))
        throw invalidField('categoryCode', '该行动没有这个违法类型');
      if (input.day > todayInChina()) throw invalidField('day', '日期不能晚于今天');
      const money = isMoney(column);
      const amount = money
        ? yuanToFen(input.value)
        : /^-?\d{1,12}$/.test(input.value.trim())
          ? Number(input.value.trim())
          : null;
      if (amount === null || amount === 0)
        throw invalidField(
          'value',
          money
            ? `${column.name}应为金额（元，最多两位小数），更正时可填负数`
            : `${column.name}应为整数，更正时可填负数`,
        );
      return db.transaction(async (tx) => {
        const row = await manual.insert(tx, {
          campaignId: campaign.id,
          unitId: unit.id,
          categoryCode: input.categoryCode,
          columnKey: column.key,
          day: input.day,
          amount,
          reason: input.reason,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'manual_figure.create',
          recordId: row.id,
          unitId: unit.id,
          after: row,
        });
        return { id: row.id, columnKey: row.columnKey, amount: money ? fenToYuan(amount) : String(amount) };
      });
    },

    /** The manual entries behind a figure (穿透 for a manual column). */
    async entries(
      actor: Actor,
      campaignId: string,
      q: { unitId?: string; from?: string; to?: string; columnKey?: string; category?: string },
    ) {
      const { campaign, unit, from, to } = await rollupsService.figureScope(actor, campaignId, q);
      const rows = await manual.entries(db, {
        campaignPath: campaign.path,
        unitPath: unit.path,
        from,
        to,
        columnKey: q.columnKey,
        categoryCode: q.category && q.category !== 'total' ? q.category : undefined,
      });
      return rows.map((r) => {
        const column = MANUAL_COLUMNS.get(r.columnKey);
        return {
          ...r,
          columnName: column?.name ?? r.columnKey,
          amount: column && isMoney(column) ? fenToYuan(r.amount) : String(r.amount),
        };
      });
    },
  };
}

export type StatTablesService = ReturnType<typeof createStatTablesService>;
