/** The dashboard panels whose figures come from other modules; each takes { campaignId, unitId? }. */
export { ReportTimelinessPanel } from './ReportTimelinessPanel';
export { KpiGaugesPanel } from './KpiGaugesPanel';
export { RectificationsPanel } from './RectificationsPanel';
export { ClocksPanel } from './ClocksPanel';
export type { PanelProps } from './panel-props';
