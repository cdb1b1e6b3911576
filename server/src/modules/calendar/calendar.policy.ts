import type { Actor } from '../../platform/actor';

/** The working-day calendar is national: only the system administrator maintains it. */
export const calendarPolicy = {
  canMaintain: (actor: Actor) => actor.isSystemAdmin,
};
