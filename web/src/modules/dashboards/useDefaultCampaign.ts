import { useCampaigns } from '../campaigns/api';

/**
 * The campaign a dashboard opens on: the newest live plan, the user's own first — one issued by his
 * unit, then by a unit below it (a district's 实施方案, which names last year's plan), then a 实施方案
 * before the plan above it.
 */
export function useDefaultCampaign(ownUnitId: string | null, ownUnitIds: Set<string>) {
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const live = (campaigns.data?.items ?? [])
    .filter((c) => c.status === 'active' && !c.ended)
    .sort(
      (a, b) =>
        Number(a.unitId !== ownUnitId) - Number(b.unitId !== ownUnitId) ||
        Number(!ownUnitIds.has(a.unitId)) - Number(!ownUnitIds.has(b.unitId)) ||
        Number(!a.parentCampaignId) - Number(!b.parentCampaignId) ||
        b.startDate.localeCompare(a.startDate) ||
        b.createdAt.localeCompare(a.createdAt),
    );
  return { id: live[0]?.id ?? campaigns.data?.items[0]?.id, isPending: campaigns.isPending };
}
