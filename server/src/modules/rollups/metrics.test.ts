import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DRILL_METRICS } from './drill-down.types';
import {
  ANNEX2_FIGURES,
  COLUMN,
  DERIVED_FIGURES,
  EVENTS,
  FEN_METRICS,
  FIGURE_DEFS,
  figureEvent,
  METRIC_RULES,
  METRICS,
  MONEY_FIGURES,
  figureValue,
  zeroMetrics,
  type CaseFacts,
  type InspectionFacts,
} from './metrics';
import { caseContributions, inspectionContributions, leadContributions } from './rollup-contributions';
import { rollupDaily } from './rollups.schema';
import { BUILT_IN_TEMPLATES, isMoney, templateByCode } from './stat-templates';

/**
 * The metrics table is complete: a metric or a figure cannot be half-added (a column without a
 * rule, a rule without a column, a figure without its metrics, a template column naming nothing).
 */
describe('the metrics table', () => {
  it('has one stored metric per figure column of rollup_daily, and one column per metric', () => {
    const keys = new Set(['campaignId', 'unitId', 'categoryCode', 'day']);
    const figureColumns = Object.keys(getTableColumns(rollupDaily)).filter((k) => !keys.has(k));
    expect([...METRICS].sort()).toEqual(figureColumns.sort());
    for (const m of METRICS) expect(COLUMN[m]).toBe(rollupDaily[m].name);
  });

  it('gives every metric a rule: the event it is counted on, the value for the facts and the same value as SQL', () => {
    for (const m of METRICS) {
      const r = METRIC_RULES[m];
      expect(Object.keys(EVENTS), m).toContain(r.event);
      expect(typeof r.fact, m).toBe('function');
      expect(r.sql.trim(), m).not.toBe('');
      // The SQL names the record of its event (c. for a case, i. for an inspection) or is a constant.
      expect(r.sql, m).toMatch(r.event === 'inspection' ? /^(i\.\w+|\d+)$/ : /^(c\.\w+(::int)?|\d+)$/);
    }
    expect([...FEN_METRICS].sort()).toEqual(['amountInvolvedFen', 'confiscatedFen', 'fineFen', 'lossesRecoveredFen']);
  });

  it('makes every figure of stored metrics counted on one event, all money or all counts; every metric feeds a figure', () => {
    for (const f of DERIVED_FIGURES) {
      const of = FIGURE_DEFS[f].of;
      expect(of.length, f).toBeGreaterThan(0);
      expect(new Set(of.map((m) => METRIC_RULES[m].event)).size, f).toBe(1);
      expect(new Set(of.map((m) => FEN_METRICS.has(m))).size, f).toBe(1);
      expect(FIGURE_DEFS[f].unit === '元', f).toBe(MONEY_FIGURES.has(f));
      expect(figureEvent(f)).toBe(METRIC_RULES[of[0]].event);
    }
    expect(new Set(DERIVED_FIGURES.flatMap((f) => FIGURE_DEFS[f].of))).toEqual(new Set(METRICS));
    expect([...MONEY_FIGURES].sort()).toEqual([
      'amountInvolved',
      'confiscated',
      'fines',
      'finesAndConfiscations',
      'lossesRecovered',
    ]);
  });

  it('opens in the drill-down exactly the figures marked drillable, annex 2 among them', () => {
    expect([...DRILL_METRICS].sort()).toEqual(DERIVED_FIGURES.filter((f) => FIGURE_DEFS[f].drillable).sort());
    for (const f of ANNEX2_FIGURES) expect(DRILL_METRICS).toContain(f);
  });

  it('adds by the facts exactly the metrics of each event (what the recount SQL selects)', () => {
    const kase: CaseFacts = {
      unitId: 'u',
      campaignId: 'k',
      categoryCode: 'x',
      filingDate: '2026-03-01',
      closingDate: '2026-03-05',
      amountInvolvedFen: 123_456,
      fineFen: 100,
      confiscatedFen: 20,
      lossesRecoveredFen: 3,
      transferredToJudiciary: true,
      online: false,
      rural: true,
      decisionDueDate: '2026-05-30',
    };
    const [filed, closed, due] = caseContributions(kase);
    const on = (event: string) => METRICS.filter((m) => METRIC_RULES[m].event === event).sort();
    expect(Object.keys(filed.metrics).sort()).toEqual(on('caseFiled'));
    expect(Object.keys(closed.metrics).sort()).toEqual(on('caseClosed'));
    expect(filed.metrics).toMatchObject({
      casesFiled: 1n,
      fineFen: 100n,
      confiscatedFen: 20n,
      lossesRecoveredFen: 3n,
      transferredToJudiciary: 1n,
      onlineCases: 0n,
      ruralCases: 1n,
    });
    expect(closed).toMatchObject({ day: '2026-03-05', metrics: { casesClosed: 1n } });
    // A running decision clock counts on the day it ends; a decided case's clock (null) counts nowhere.
    expect(Object.keys(due.metrics).sort()).toEqual(on('caseDecisionDue'));
    expect(due).toMatchObject({ day: '2026-05-30', metrics: { decisionClocksDue: 1n } });
    expect(caseContributions({ ...kase, decisionDueDate: null })).toHaveLength(2);
    const lead = { unitId: 'u', campaignId: 'k', categoryCode: 'x', dueDate: '2026-03-20' };
    expect(leadContributions(lead)).toEqual([
      { unitId: 'u', campaignId: 'k', categoryCode: 'x', day: '2026-03-20', metrics: { verificationClocksDue: 1n } },
    ]);
    expect(leadContributions({ ...lead, dueDate: null })).toEqual([]);
    const inspection: InspectionFacts = {
      unitId: 'u',
      campaignId: 'k',
      categoryCode: 'x',
      inspectionDate: '2026-03-02',
      staffDeployed: 4,
      vehicles: 2,
      entitiesInspected: 7,
    };
    expect(inspectionContributions(inspection)[0].metrics).toEqual({
      outings: 1n,
      staffDeployed: 4n,
      vehicles: 2n,
      entitiesInspected: 7n,
    });
    expect(Object.keys(inspectionContributions(inspection)[0].metrics).sort()).toEqual(on('inspection'));
  });

  it('sums a figure of its metrics in BigInt, exact past 2^53', () => {
    const m = { ...zeroMetrics(), fineFen: 2n ** 53n, confiscatedFen: 1n };
    expect(figureValue('finesAndConfiscations', m)).toBe(2n ** 53n + 1n);
  });

  it('names in every template only figures of the table, money printed in 万元', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const c of t.columns) {
        if (c.source.kind === 'derived') expect(DERIVED_FIGURES, `${t.code}.${c.key}`).toContain(c.source.figure);
        if (isMoney(c)) expect(c.unit, `${t.code}.${c.key}`).toBe('万元');
      }
    }
    const annex2 = templateByCode('tiequan-annex2')!;
    expect(annex2.columns.map((c) => [c.key, c.name, c.unit])).toEqual([
      ['staffDeployed', '出动', '人次'],
      ['entitiesInspected', '检查企业', '家次'],
      ['casesFiled', '立案', '件'],
      ['casesClosed', '结案', '件'],
      ['amountInvolved', '涉案金额', '万元'],
      ['finesAndConfiscations', '罚没款金额', '万元'],
      ['lossesRecovered', '挽回损失', '万元'],
      ['transferredToJudiciary', '移送司法案件', '件'],
      ['onlineCases', '互联网案件', '件'],
      ['ruralCases', '农村市场案件', '件'],
    ]);
  });
});
