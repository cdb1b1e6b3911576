import { hasRole, type Actor } from '../../platform/actor';

/** Who may read the audit log and verify its chain: administrators (within their scope for reading). */
export const auditPolicy = {
  canRead: (actor: Actor) => hasRole(actor, 'admin'),
  canVerify: (actor: Actor) => hasRole(actor, 'admin'),
};
