import { fenToYuan, yuanToFen } from '../../platform/money';
import type { CaseFacts } from '../rollups/rollup-contributions';
import { clockHistory, decisionClock } from './case-clock';
import type { CaseInput } from './case.types';
import { clockRuns } from './cases.rules';
import type { CaseClockEventRow, CaseInsert, CaseRow } from './cases.schema';

/** What a case contributes to the statistics: its row and the further campaigns it counts toward. */
export const caseFacts = (
  row: CaseInsert & Pick<CaseRow, 'unitId' | 'campaignId' | 'categoryCode' | 'filingDate'>,
  links: { campaignId: string; categoryCode: string }[],
): CaseFacts => ({
  unitId: row.unitId,
  campaignId: row.campaignId,
  categoryCode: row.categoryCode,
  filingDate: row.filingDate,
  closingDate: row.closingDate ?? null,
  amountInvolvedFen: row.amountInvolvedFen ?? 0,
  fineFen: row.fineFen ?? 0,
  confiscatedFen: row.confiscatedFen ?? 0,
  lossesRecoveredFen: row.lossesRecoveredFen ?? 0,
  transferredToJudiciary: row.transferredToJudiciary ?? false,
  online: row.online ?? false,
  rural: row.rural ?? false,
  decisionDueDate: row.decisionDueDate ?? null,
  links: links.map((l) => ({ campaignId: l.campaignId, categoryCode: l.categoryCode })),
});

/** The stored columns of a checked input (元 → fen). */
export function columns(input: CaseInput): Omit<CaseInsert, 'id'> {
  const { amountInvolved, fine, confiscated, lossesRecovered, compensation, alsoCountsToward: _links, ...rest } = input;
  return {
    ...rest,
    partyCreditCode: input.partyCreditCode?.toUpperCase() ?? null,
    amountInvolvedFen: yuanToFen(amountInvolved)!,
    fineFen: yuanToFen(fine)!,
    confiscatedFen: yuanToFen(confiscated)!,
    lossesRecoveredFen: yuanToFen(lossesRecovered)!,
    compensationFen: yuanToFen(compensation)!,
  };
}

/** The input shape of a stored case (for edits that change only some fields). */
export function caseInputOf(row: CaseRow): CaseInput {
  return {
    ...row,
    amountInvolved: fenToYuan(row.amountInvolvedFen),
    fine: fenToYuan(row.fineFen),
    confiscated: fenToYuan(row.confiscatedFen),
    lossesRecovered: fenToYuan(row.lossesRecoveredFen),
    compensation: fenToYuan(row.compensationFen),
    filingApproverId: row.filingApproverId ?? '',
    investigatorId: row.investigatorId ?? '',
  };
}

/** Where the decision clock is due, from the stored row and its clock events; null when it does not run. */
export function dueDateOf(
  row: Pick<CaseRow, 'stage' | 'filingDate'>,
  events: CaseClockEventRow[],
  today: string,
): string | null {
  if (!clockRuns(row.stage)) return null;
  const clock = decisionClock({
    filingDate: row.filingDate,
    ...clockHistory(events),
    today,
  });
  return clock.dueDate;
}
