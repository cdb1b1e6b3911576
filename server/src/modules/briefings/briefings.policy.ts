import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope, isPathWithin } from '../../platform/scope';
import type { BriefingStatus } from './briefings.schema';

/**
 * 工作简报: the campaign office of the issuing unit (or an office or administrator above it) writes,
 * edits and issues. A draft stays with the issuing unit (and those above it: its leaders read it);
 * once issued, the people of the units below it that take part in the campaign read it too (the
 * service has already answered 404 to whoever may not see the campaign).
 */
export const briefingPolicy = {
  canWrite: (actor: Actor, issuingUnitPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, issuingUnitPath),
  canRead: (actor: Actor, b: { status: BriefingStatus }, issuingUnitPath: string) =>
    isPathInScope(actor, issuingUnitPath) ||
    (b.status === 'issued' && actor.unitPath !== null && isPathWithin(actor.unitPath, issuingUnitPath)),
  /** The `can` flags of one briefing. */
  flags: (actor: Actor, b: { status: BriefingStatus }, issuingUnitPath: string) => {
    const draft = b.status === 'draft' && briefingPolicy.canWrite(actor, issuingUnitPath);
    return { edit: draft, issue: draft };
  },
};
