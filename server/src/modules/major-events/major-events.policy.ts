import type { Actor } from '../../platform/actor';
import { reportPolicy } from '../reports/reports.policy';

/**
 * 重大情况报告 follow 信息报送's roles: whoever may submit a unit's periodic reports (its liaison, or
 * the office or administrator above it) reports its major events; the reporter corrects a report
 * until it is acknowledged — who wrote it, or, with the same roles, someone of the reporting unit
 * itself (an office above that acknowledges never rewrites a unit's report it did not write); the
 * office of the plan's issuing bureau acknowledges them (阅示).
 */
export const majorEventPolicy = {
  canReport: (actor: Actor, unitPath: string) => reportPolicy.canSubmit(actor, unitPath),
  canEdit: (actor: Actor, event: { unitId: string; reportedBy: string }, unitPath: string) =>
    reportPolicy.canSubmit(actor, unitPath) && (actor.userId === event.reportedBy || actor.unitId === event.unitId),
  canAcknowledge: (actor: Actor, issuingUnitPath: string) => reportPolicy.canReview(actor, issuingUnitPath),
};
