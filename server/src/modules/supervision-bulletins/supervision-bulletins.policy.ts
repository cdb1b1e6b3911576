import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope, isPathWithin } from '../../platform/scope';
import type { BulletinStatus } from './supervision-bulletins.schema';

/**
 * 督查通报: the office of the organising unit (or an office or administrator above it) drafts, edits
 * and issues. A draft stays with the organiser (and above: its leaders read it); once issued, the
 * people of the units below the organiser (those visited and taking part) read it too.
 */
export const bulletinPolicy = {
  canWrite: (actor: Actor, organizerPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, organizerPath),
  canRead: (actor: Actor, b: { status: BulletinStatus }, organizerPath: string) =>
    isPathInScope(actor, organizerPath) ||
    (b.status === 'issued' && actor.unitPath !== null && isPathWithin(actor.unitPath, organizerPath)),
  flags: (actor: Actor, b: { status: BulletinStatus }, organizerPath: string) => {
    const draft = b.status === 'draft' && bulletinPolicy.canWrite(actor, organizerPath);
    return { edit: draft, issue: draft };
  },
};
