import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/** 手工填报: who may enter the figures the records cannot give. */
export const statTablePolicy = {
  /** A unit's liaison, its handlers or the office above enter its manual figures. */
  canEnterFigures: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'liaison', 'handler', 'office', 'admin') && isPathInScope(actor, unitPath),
};
