import type { Actor } from '../../platform/actor';

/**
 * 大屏: whoever may see a campaign's statistics (GET /api/campaigns/:id/stats) may see its screen —
 * every role, for a campaign it sees and a unit in its scope (checked by rollupsService.figureScope,
 * 404 outside); the ticker's cases and leads pass the cases' and leads' own list scope besides.
 */
export const commandScreenPolicy = {
  canView: (_actor: Actor) => true,
};
