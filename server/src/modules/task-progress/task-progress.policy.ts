import { hasRole, type Actor } from '../../platform/actor';

/**
 * 进展情况 are written by the 牵头/配合 unit itself — its liaison, office, leader or administrator —
 * not by a unit above or beside it; the plan's office (of the unit that issued it) is told of 牵头
 * units without progress.
 */
export const taskProgressPolicy = {
  canWriteNote: (actor: Actor, unitId: string) =>
    actor.unitId === unitId && hasRole(actor, 'liaison', 'office', 'leader', 'admin'),
  watchesInactivity: (actor: Actor) => actor.unitId !== null && hasRole(actor, 'office'),
};
