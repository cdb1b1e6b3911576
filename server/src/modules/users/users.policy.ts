import { hasRole, type Actor } from '../../platform/actor';
import type { UserRow } from './users.schema';

/** Administrators manage the users of their subtree; the office and leaders may read the list. */
export const userPolicy = {
  canList: (actor: Actor) => hasRole(actor, 'admin', 'office', 'leader'),
  canCreate: (actor: Actor) => hasRole(actor, 'admin'),
  canUpdate: (actor: Actor, user: UserRow) => hasRole(actor, 'admin') && (actor.isSystemAdmin || !user.isSystemAdmin),
};

export function userPermissions(actor: Actor, user: UserRow) {
  const update = userPolicy.canUpdate(actor, user);
  return { update, resetPassword: update && user.id !== actor.userId, deactivate: update && user.id !== actor.userId };
}
