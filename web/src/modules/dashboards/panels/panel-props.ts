/** What every panel of the dashboard grid takes: the campaign, and the unit whose subtree it shows (none: the user's scope). */
export interface PanelProps {
  campaignId: string;
  unitId?: string;
}
