import { changzhouHongdun } from './changzhou-hongdun';
import { daguan2017Festival } from './daguan-2017-festival';
import { meixian2019 } from './meixian-2019';
import { tiequan2021 } from './tiequan-2021';
import type { CampaignTemplate } from './template.types';

/** The campaign templates: real plans of the seed documents, in the order the list shows them. */
export const CAMPAIGN_TEMPLATES: CampaignTemplate[] = [tiequan2021, meixian2019, daguan2017Festival, changzhouHongdun];

export const findTemplate = (key: string): CampaignTemplate | undefined =>
  CAMPAIGN_TEMPLATES.find((t) => t.key === key);
