import type { Actor } from '../../platform/actor';
import { reportPolicy } from '../reports/reports.policy';

/**
 * 重大情况报告 follow 信息报送's roles: whoever may submit a unit's periodic reports (its liaison, or
 * the office or administrator above it) reports its major events and corrects them until they are
 * acknowledged; the office of the plan's issuing bureau acknowledges them (阅示).
 */
export const majorEventPolicy = {
  canReport: (actor: Actor, unitPath: string) => reportPolicy.canSubmit(actor, unitPath),
  canEdit: (actor: Actor, unitPath: string) => reportPolicy.canSubmit(actor, unitPath),
  canAcknowledge: (actor: Actor, issuingUnitPath: string) => reportPolicy.canReview(actor, issuingUnitPath),
};
