import type { Actor } from '../platform/actor';
import type { Services } from '../services';
import { todayInChina } from '../platform/today';

/**
 * 浦东新区's outings in the city's plan (陆家嘴所's, its liaison inspecting, the city's office
 * recording them as it does for a unit without a handler): the city's comparison
 * of units and its map have two districts with figures, not one beside a blank.
 */
export async function seedDemoPudongOutings(
  services: Services,
  people: { recorder: Actor; inspectorId: string },
  ids: Map<string, string>,
  cityCampaignId: string,
) {
  const today = todayInChina();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const outings = [
    { categoryCode: 'food', ago: 120, staffDeployed: 7, vehicles: 2, entitiesInspected: 21, places: ['商场超市'] },
    {
      categoryCode: 'advertising',
      ago: 64,
      staffDeployed: 4,
      vehicles: 1,
      entitiesInspected: 11,
      places: ['网络经营'],
    },
    { categoryCode: 'food', ago: 20, staffDeployed: 5, vehicles: 1, entitiesInspected: 16, places: ['餐饮单位'] },
  ];
  for (const { ago, ...o } of outings)
    await services.inspectionsService.create(people.recorder, {
      campaignId: cityCampaignId,
      unitId: ids.get('PD-LJZS')!,
      ...o,
      inspectionDate: daysAgo(ago),
      inspectorIds: [people.inspectorId],
      rapidTestItems: 0,
      samplingBatches: 0,
      samplingItems: 0,
      samplingFailed: 0,
      focusArea: null,
      findings: null,
      unlicensedBanned: 0,
      rectificationOrders: 0,
      rapidTestBatches: 0,
      rapidTestFailed: 0,
      seizures: [],
    } as never);
}
