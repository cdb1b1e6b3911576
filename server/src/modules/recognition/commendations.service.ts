import type { Actor } from '../../platform/actor';
import {
  ACCOUNTABILITY_MEASURE_LABELS,
  COMMENDATION_KIND_LABELS,
  type AccountabilityMeasure,
  type CommendationKind,
} from './recognition-kinds';
import {
  createRecognitionEntries,
  type EntryInput,
  type EntryKind,
  type RecognitionEntriesDeps,
} from './recognition-entries.service';
import { accountabilityMeasures, commendations } from './recognition.schema';

export type CommendationInput = EntryInput & {
  kind: CommendationKind;
  talentPool?: boolean | null;
  documentNumber?: string | null;
};
export type AccountabilityInput = EntryInput & { measure: AccountabilityMeasure };

/** 表彰: 先进集体 (no person), 先进个人 and 办案能手 (in the 执法人才库 unless said otherwise). */
const commendationKind: EntryKind<
  typeof commendations,
  CommendationInput,
  { unitId?: string; kind?: CommendationKind },
  { kindLabel: string }
> = {
  table: commendations,
  store: (repo) => repo.commendations,
  what: '表彰记录',
  actions: { create: 'commendation.create', update: 'commendation.update', delete: 'commendation.delete' },
  personRequired: (input) => input.kind !== 'advanced_collective',
  columns: (input) => ({
    kind: input.kind,
    talentPool: input.talentPool ?? input.kind === 'case_expert',
    documentNumber: input.documentNumber?.trim() || null,
  }),
  labels: (row) => ({ kindLabel: COMMENDATION_KIND_LABELS[row.kind] }),
  kindFilter: (q) => q.kind,
};

/** 问责: 通报批评、约谈 … of a unit or a person of it. */
const accountabilityKind: EntryKind<
  typeof accountabilityMeasures,
  AccountabilityInput,
  { unitId?: string; measure?: AccountabilityMeasure },
  { measureLabel: string }
> = {
  table: accountabilityMeasures,
  store: (repo) => repo.accountability,
  what: '问责记录',
  actions: { create: 'accountability.create', update: 'accountability.update', delete: 'accountability.delete' },
  personRequired: () => false,
  columns: (input) => ({ measure: input.measure }),
  labels: (row) => ({ measureLabel: ACCOUNTABILITY_MEASURE_LABELS[row.measure] }),
  kindFilter: (q) => q.measure,
};

/**
 * 表彰 (先进集体、先进个人、办案能手 → 执法人才库) and 问责 (通报批评、约谈 …) of a plan: the same
 * lifecycle (`recognition-entries.service.ts`), one set of use cases per kind, and the 执法人才库.
 */
export function createCommendationsService(deps: RecognitionEntriesDeps) {
  const { db, recognitionRepository: repo } = deps;
  const { records, entryUseCases } = createRecognitionEntries(deps);
  return {
    commendations: entryUseCases(commendationKind),
    accountability: entryUseCases(accountabilityKind),

    /** 执法人才库 (seed 004): people commended as 办案能手 or flagged, across the plans in scope. */
    async talentPool(actor: Actor, q: { campaignId?: string; unitId?: string }) {
      const scope = await records.listScope(actor, commendations.unitId, q);
      const rows = await repo.commendations.list(db, { ...scope, talentPool: true });
      return {
        items: rows.map((r) => ({
          id: r.id,
          campaignId: r.campaignId,
          campaignName: r.campaignName,
          unitId: r.unitId,
          unitName: r.unitName,
          userId: r.userId,
          personLabel: r.userName ?? r.personName,
          kind: r.kind,
          kindLabel: COMMENDATION_KIND_LABELS[r.kind],
          reason: r.reason,
          decidedOn: r.decidedOn,
          documentNumber: r.documentNumber,
        })),
      };
    },
  };
}

export type CommendationsService = ReturnType<typeof createCommendationsService>;
