import { hasRole, type Actor } from '../../platform/actor';
import type { Role, UserRow } from './users.schema';

/** Administrators manage the users of their subtree; the office and leaders may read the list. */
export const userPolicy = {
  canList: (actor: Actor) => hasRole(actor, 'admin', 'office', 'leader'),
  canCreate: (actor: Actor) => hasRole(actor, 'admin'),
  canUpdate: (actor: Actor, user: UserRow) => hasRole(actor, 'admin') && (actor.isSystemAdmin || !user.isSystemAdmin),
  /** An administrator may not take his own administrator role away (he would lock himself out of the users he manages). */
  dropsOwnAdmin: (actor: Actor, user: UserRow, roles: Role[]) =>
    user.id === actor.userId && user.roles.includes('admin') && !roles.includes('admin'),
};

export function userPermissions(actor: Actor, user: UserRow) {
  const update = userPolicy.canUpdate(actor, user);
  return { update, resetPassword: update && user.id !== actor.userId, deactivate: update && user.id !== actor.userId };
}
