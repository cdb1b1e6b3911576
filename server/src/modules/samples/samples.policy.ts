import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * Handlers (who take the samples), the campaign office and administrators record the samples of
 * units in their scope and their 核查处置; the office, a handler or an administrator closes a
 * follow-up; everyone in scope reads. Leaders read and, with handlers and the office, see the overdue
 * follow-ups in their inbox.
 */
const recorders = ['handler', 'office', 'admin'] as const;

export const samplePolicy = {
  canRecord: (actor: Actor, unitPath: string) => hasRole(actor, ...recorders) && isPathInScope(actor, unitPath),
  canImport: (actor: Actor) => hasRole(actor, ...recorders),
  canFollowUp: (actor: Actor, unitPath: string) => samplePolicy.canRecord(actor, unitPath),
  canClose: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'office', 'handler', 'admin') && isPathInScope(actor, unitPath),
  /** Whose 我的待办 lists overdue follow-ups: handlers, the office and the leaders of the units in scope (not administrators). */
  watchesFollowUps: (actor: Actor) => hasRole(actor, 'handler', 'office', 'leader'),
};
