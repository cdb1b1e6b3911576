import type { Actor } from '../../platform/actor';

/**
 * 数据看板: who may see a campaign's dashboards — whoever may see its statistics (统计表, 穿透),
 * which is every role, within the unit scope and the campaigns visible to the actor (the scope is
 * checked by `rollupsService.figureScope`: 404 outside it). Kept here so a narrower rule has one place.
 */
export const dashboardsPolicy = {
  canView: (actor: Actor) => actor.isSystemAdmin || actor.roles.length > 0,
};
