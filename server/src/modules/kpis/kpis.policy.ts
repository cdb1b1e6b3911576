import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 考核指标: whoever sees the plan sees its KPIs (within his scope). A hand-entered figure is
 * entered by the unit itself (its liaison, office or administrator) or by an office or
 * administrator above it.
 */
export const kpiPolicy = {
  canEnterFigure: (actor: Actor, unit: { id: string; path: string }) =>
    (actor.unitId === unit.id && hasRole(actor, 'liaison', 'office', 'admin')) ||
    (hasRole(actor, 'office', 'admin') && isPathInScope(actor, unit.path)),
};
