import type { Db } from '../../db/database';
import type { IndicatorQuery, IndicatorSource } from '../../platform/assessment/indicator-source';
import type { BriefingRecognitionSource } from '../briefings/briefings.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import { ACCOUNTABILITY_MEASURE_LABELS, COMMENDATION_KIND_LABELS } from './recognition-kinds';
import type { RecognitionRepository } from './recognition.repository';
import { unitIdInSubtree } from '../../platform/scope';
import { accountabilityMeasures, commendations } from './recognition.schema';

/**
 * What the briefings read of the selection, 表彰 and 问责 (briefings' `BriefingRecognitionSource`):
 * the selected typical cases by the plan's categories, and the entries of the units of a subtree.
 */
export function createBriefingRecognitionSource(deps: {
  db: Db;
  recognitionRepository: RecognitionRepository;
  campaignsRepository: Pick<CampaignsRepository, 'categories'>;
}): BriefingRecognitionSource {
  const { db, recognitionRepository: repo, campaignsRepository } = deps;
  const inSubtree = (unitPath: string) => ({
    commendations: unitIdInSubtree(unitPath, commendations.unitId),
    accountability: unitIdInSubtree(unitPath, accountabilityMeasures.unitId),
  });
  return {
    async selectedTypicalCases(campaignId, unitPath, from, to) {
      const [rows, categories] = await Promise.all([
        repo.selectedCases(db, campaignId, unitPath, from, to),
        campaignsRepository.categories(db, campaignId),
      ]);
      const known = new Set(categories.map((c) => c.code));
      const groups = categories.map((c) => ({ label: c.label, cases: rows.filter((r) => r.categoryCode === c.code) }));
      const other = rows.filter((r) => !known.has(r.categoryCode));
      if (other.length) groups.push({ label: '其他', cases: other });
      return groups.filter((g) => g.cases.length);
    },
    async recognition(campaignId, unitPath) {
      const scope = inSubtree(unitPath);
      const [c, a] = await Promise.all([
        repo.commendations.list(db, { scope: scope.commendations, campaignId }),
        repo.accountability.list(db, { scope: scope.accountability, campaignId }),
      ]);
      const byDate = <T extends { decidedOn: string; id: string }>(x: T, y: T) =>
        x.decidedOn.localeCompare(y.decidedOn) || x.id.localeCompare(y.id);
      return {
        commendations: c.sort(byDate).map((r) => ({
          kindLabel: COMMENDATION_KIND_LABELS[r.kind],
          unitName: r.unitName,
          personLabel: r.userName ?? r.personName,
          reason: r.reason,
          documentNumber: r.documentNumber,
        })),
        accountability: a.sort(byDate).map((r) => ({
          measureLabel: ACCOUNTABILITY_MEASURE_LABELS[r.measure],
          unitName: r.unitName,
          personLabel: r.userName ?? r.personName,
          reason: r.reason,
        })),
      };
    },
  };
}

/**
 * 典型案例入选数 (seed 004: 典型案例查办和上报情况…作为评估各部门成效的主要依据): the nominations of the
 * plan's tree the office selected in the period, per unit over its subtree; each record is the case.
 */
export function createTypicalSelectedSource(deps: {
  db: Db;
  recognitionRepository: RecognitionRepository;
}): IndicatorSource {
  const { db, recognitionRepository: repo } = deps;
  const rowsOf = (q: IndicatorQuery, unitPath: string) =>
    repo.selectedInPeriod(db, q.campaignPath, unitPath, q.from, q.to);
  return {
    kind: 'typical_selected',
    label: '典型案例入选数',
    unit: '件',
    format: 'count',
    async measure(q) {
      const out = new Map<string, number>();
      for (const u of q.units) out.set(u.id, (await rowsOf(q, u.path)).length);
      return out;
    },
    async records(q) {
      const unit = q.units.find((u) => u.id === q.unitId);
      if (!unit) return [];
      return (await rowsOf(q, unit.path)).map((r) => ({
        recordType: 'case',
        recordId: r.caseId,
        title: r.caseName,
        unitName: r.unitName,
        date: r.decidedOn,
        value: 1,
        link: `/cases/${r.caseId}`,
      }));
    },
  };
}
