import { z } from 'zod';
import { ANNEX2_FIGURES, DERIVED_FIGURES, figureDef, MONEY_FIGURES, printedUnit, type DerivedFigure } from './metrics';
import { ANNEX2_CODE, STAT_TEMPLATE_CODES } from './stat-template-codes';

/** Figures the records give: the metrics table (metrics.ts), re-exported for the templates' readers. */
export { DERIVED_FIGURES, MONEY_FIGURES, type DerivedFigure } from './metrics';

const columnSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  name: z.string().min(1).max(40),
  /** 人次, 家次, 户次, 件, 起, 万元, 个 … as printed in the header's second row. */
  unit: z.string().min(1).max(10),
  /** Derived from the records, or entered by hand per unit with a reason (手工填报). */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('derived'), figure: z.enum(DERIVED_FIGURES) }),
    z.object({ kind: z.literal('manual'), money: z.boolean().default(false) }),
  ]),
});

/**
 * A statistics table as data: its rows are the campaign's categories (with their sub-labels) and
 * 合计; its columns are figures derived from the records or entered by hand; cumulative tables
 * count from 1 January, the others the report's own period.
 */
export const statTemplateSchema = z.object({
  code: z.enum(STAT_TEMPLATE_CODES),
  name: z.string().min(1).max(60),
  basis: z.string().max(200),
  cumulative: z.boolean(),
  columns: z.array(columnSchema).min(1).max(30),
  note: z.string().max(500).optional(),
});
export type StatTemplate = z.infer<typeof statTemplateSchema>;
export type StatColumn = StatTemplate['columns'][number];

const derived = (key: DerivedFigure, name: string, unit: string): z.input<typeof columnSchema> => ({
  key,
  name,
  unit,
  source: { kind: 'derived', figure: key },
});
const manual = (key: string, name: string, unit: string, money = false): z.input<typeof columnSchema> => ({
  key,
  name,
  unit,
  source: { kind: 'manual', money },
});

/** The tables of the seed documents, built in. Annex 2 of seed 004 is the default. */
export const BUILT_IN_TEMPLATES: StatTemplate[] = [
  {
    code: 'tiequan-annex2',
    name: '案件统计表（“铁拳”行动附件2）',
    basis: '种子文档004 附件2',
    cumulative: true,
    note: '累计统计；同时涉及互联网、农村市场的案件可重复统计，按照立案时间统计。',
    // The columns of annex 2 are the metrics table's annex-2 figures, under their own labels.
    columns: ANNEX2_FIGURES.map((f) => derived(f, figureDef(f).label, printedUnit(f))),
  },
  {
    code: 'festival-weekly',
    name: '打假专项行动统计报表（周报、日报）',
    basis: '种子文档001 附件3、附件4；数字口径同种子文档002',
    cumulative: false,
    columns: [
      derived('staffDeployed', '出动执法人员', '人次'),
      derived('vehicles', '出动车辆', '台次'),
      derived('entitiesInspected', '检查经营户', '户次'),
      derived('casesFiled', '查处违法案件', '起'),
      derived('amountInvolved', '案值', '万元'),
      derived('finesAndConfiscations', '罚没款', '万元'),
      derived('transferredToJudiciary', '移送司法机关', '起'),
      manual('dens', '捣毁制假售假窝点', '个'),
      manual('goodsSeized', '收缴假冒伪劣商品', '件'),
      manual('goodsValue', '收缴商品货值', '万元', true),
    ],
  },
  {
    code: 'monthly-work',
    name: '专项行动工作开展情况统计表（月报）',
    basis: '种子文档000、003 的月报统计表（附件原表未随文本提供，按正文所列项目）',
    cumulative: false,
    columns: [
      derived('staffDeployed', '出动执法人员', '人次'),
      derived('entitiesInspected', '检查市场主体', '户次'),
      derived('casesFiled', '立案查处', '件'),
      derived('casesClosed', '办结', '件'),
      derived('amountInvolved', '案值', '万元'),
      derived('fines', '罚款', '万元'),
      derived('confiscated', '没收违法所得', '万元'),
      derived('transferredToJudiciary', '移送司法', '件'),
      manual('randomChecks', '“双随机”抽查户数', '户'),
      manual('publicKitchens', '“明厨亮灶”覆盖户数', '户'),
      manual('publicity', '宣传报道', '篇'),
    ],
  },
].map((t) => statTemplateSchema.parse(t));
for (const code of STAT_TEMPLATE_CODES)
  if (!BUILT_IN_TEMPLATES.some((t) => t.code === code)) throw new Error(`统计表模板 ${code} 没有定义`);

/** Whether a column holds money (元 in the API, 万元 in print). */
export const isMoney = (c: StatColumn) =>
  c.source.kind === 'derived' ? MONEY_FIGURES.has(c.source.figure) : c.source.money;

export { ANNEX2_CODE } from './stat-template-codes';
export const templateByCode = (code: string | undefined) =>
  BUILT_IN_TEMPLATES.find((t) => t.code === (code ?? ANNEX2_CODE));
