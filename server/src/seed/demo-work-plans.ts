import type { Actor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { planOf } from './demo-campaigns';

/**
 * 工作实施计划备案 (seed 003: 区局各有关业务股室、执法大队要结合职能，制定具体的工作实施计划 … 报送备案):
 * the district plan asks for them by a day already past; 食品经营监督管理科 filed in time and the
 * office acknowledged it (已备案), the 执法大队 filed and waits for 备案 (in cm_office's inbox), the
 * others owing it are overdue (逾期未报).
 */
export async function seedDemoWorkPlans(
  services: Services,
  people: { office: Actor },
  ids: Map<string, string>,
  districtCampaignId: string,
) {
  const { campaignsService, workPlansService } = services;
  const today = todayInChina();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const at = (n: number) => new Date(`${daysAgo(n)}T09:30:00+08:00`);
  const current = await campaignsService.get(people.office, districtCampaignId);
  await campaignsService.update(people.office, districtCampaignId, {
    ...planOf(current),
    workPlanDeadline: daysAgo(10),
    version: current.version,
  });
  const food = await workPlansService.file(
    people.office,
    districtCampaignId,
    {
      unitId: ids.get('CM-SPJY')!,
      title: '食品经营监督管理科“铁拳”行动工作实施计划',
      summary:
        '围绕农村集市、校园周边和冷链食品三个重点，分动员部署、集中整治、总结提高三个阶段推进；每月排查重点经营户，发现线索当日移交执法大队。',
    },
    { at: at(14) },
  );
  await workPlansService.acknowledge(people.office, food.id, { version: food.version }, { at: at(12) });
  await workPlansService.file(
    people.office,
    districtCampaignId,
    {
      unitId: ids.get('CM-ZFDD')!,
      title: '执法大队“铁拳”行动案件查办工作实施计划',
      summary: '成立三个办案组，分别负责食品、知识产权和价格领域案件；重大案件实行专人督办，每周汇总办案进度报专项办。',
    },
    { at: at(11) },
  );
}
