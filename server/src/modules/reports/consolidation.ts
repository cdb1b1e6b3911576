import { fenToYuan, yuanTextToFen } from '../../platform/money';
import { todayInChina } from '../../platform/today';
import { statsWorkbook, type StatsTable } from '../rollups/documents/stats-xlsx';
import type { ReportForm } from './report-form';
import type { ReportState } from './report-status';
import type { FiguresSnapshot } from './reports.schema';

export interface ConsolidationInput {
  unitId: string;
  unitLabel: string;
  state: ReportState;
  late: boolean;
  /** The figures the report was accepted with; null while it is not accepted. */
  accepted: FiguresSnapshot | null;
}

const STATE_TEXT: Record<ReportState, string> = {
  open: '未到报送时间',
  missing: '未报送',
  submitted: '已报送，待审核',
  returned: '已退回，待重报',
  accepted: '已审核通过',
};

/**
 * 汇总报表 of a period in the columns of the schedule's form (统计表): a row per owing unit with the
 * 合计 of the report it was accepted with (its frozen figures, not the live roll-up), and 合计 over
 * the accepted ones — money summed exactly in fen (the figures carry 元 as text), counts as
 * integers. A snapshot without a column (sent with another form) counts 0 there and shows none.
 */
export function consolidate(form: ReportForm, units: ConsolidationInput[]) {
  const columns = form.columns;
  const sums = new Map(columns.map((c) => [c.key, 0n]));
  const rows = units.map((u) => {
    const total = u.accepted?.find((r) => r.category === 'total');
    if (total)
      for (const c of columns) {
        const v = total.values[c.key] ?? (c.money ? '0.00' : 0);
        const amount = c.money ? yuanTextToFen(String(v)) : BigInt(Number(v));
        if (amount === null) throw new Error(`报表金额不是元的精确文本：${String(v)}`);
        sums.set(c.key, sums.get(c.key)! + amount);
      }
    return {
      unitId: u.unitId,
      unitLabel: u.unitLabel,
      state: u.state,
      late: u.late,
      values: total
        ? Object.fromEntries(columns.flatMap((c) => (c.key in total.values ? [[c.key, total.values[c.key]]] : [])))
        : null,
    };
  });
  const values = Object.fromEntries(
    columns.map((c) => [c.key, c.money ? fenToYuan(sums.get(c.key)!) : Number(sums.get(c.key)!)]),
  );
  return {
    form: { code: form.code, name: form.name },
    columns,
    rows,
    total: { acceptedCount: rows.filter((r) => r.values).length, values },
  };
}

type Consolidation = ReturnType<typeof consolidate> & {
  campaignName: string;
  issuerName: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  accepted: { unitLabel: string; figures: FiguresSnapshot }[];
};

/**
 * The consolidation as printed (.xlsx), in the form's printed layout with the units as rows (their
 * state beside them, blank figures while not accepted) and 合计 last; then one sheet per accepted
 * unit with the categories of the report it was accepted with.
 */
export async function consolidationXlsx(c: Consolidation) {
  const summary: StatsTable = {
    unitName: c.issuerName,
    from: c.periodStart,
    to: c.periodEnd,
    rows: [
      ...c.rows.map((r) => ({
        category: r.unitId,
        label: r.unitLabel,
        subLabel: STATE_TEXT[r.state],
        values: r.values ?? {},
      })),
      {
        category: 'total',
        label: `合计（已审核${c.total.acceptedCount}个单位）`,
        subLabel: null,
        values: c.total.values,
      },
    ],
  };
  const perUnit = c.accepted.map((a) => ({
    unitName: a.unitLabel,
    from: c.periodStart,
    to: c.periodEnd,
    rows: a.figures,
  }));
  const title = `${c.campaignName}${c.name}汇总报表`;
  return {
    fileName: `${title}（${c.periodStart}至${c.periodEnd}）.xlsx`,
    content: await statsWorkbook(title, summary, perUnit, todayInChina(), {
      columns: c.columns.map((col) => ({ key: col.key, name: col.name, unit: col.unit, wan: col.money })),
      note: '汇总各单位审核通过的报表（报送时的数字）；未审核通过的单位不计入合计。',
      ownRowHeads: ['报送单位', '审核状态'],
    }),
  };
}
