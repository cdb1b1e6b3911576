import type { Actor } from '../platform/actor';
import type { Services } from '../services';
import { caseInputOf } from '../modules/cases/case-rows';

/**
 * 曝光 (seeds 003, 004: 曝光典型案件、定期公布一批典型案件、及时发布消费预警提示): cm_office writes the
 * redacted text of the 执法大队's typical 过期食品 case, cm_leader approves it and it is on the public
 * page; the 侵犯注册商标 case, marked typical once selected, waits for cm_leader's approval (待我审批);
 * two 消费警示 / 警示公告 the office published itself.
 */
export async function seedDemoDisclosures(
  services: Services,
  people: { office: Actor; leader: Actor },
  districtCampaignId: string,
) {
  const { casesService, disclosuresService, approvalsService, consumerWarningsService } = services;
  const all = (
    await casesService.list(people.office, { campaignId: districtCampaignId, page: 1, pageSize: 100 } as never)
  ).items as { id: string; name: string }[];
  const byName = (name: string) => all.find((c) => c.name === name);

  const food = byName('崇明某食品店销售过期食品案');
  if (food) {
    let d = await disclosuresService.create(people.office, { caseId: food.id });
    d = await disclosuresService.update(people.office, d.id, {
      title: d.title,
      partyDisplayName: d.partyDisplayName,
      body: `${d.body}\n【消费提示】购买食品时请查看生产日期和保质期，发现销售过期食品可拨打12315投诉举报。`,
      version: d.version,
    });
    d = await disclosuresService.submit(people.office, d.id, { version: d.version });
    const request = await approvalsService.get(people.leader, d.approvalRequestId!);
    await approvalsService.decide(people.leader, request.id, {
      decision: 'approve',
      comment: '同意公开曝光',
      version: request.version,
    });
  }

  // Selected as a typical case (demo-recognition.ts): marked typical on the ledger, its disclosure submitted.
  const liquor = byName('某商行销售侵犯注册商标专用权白酒案');
  if (liquor) {
    const { row } = await casesService.requireVisible(people.office, liquor.id);
    await casesService.update(people.office, row.id, { ...caseInputOf(row), typical: true, version: row.version });
    const d = await disclosuresService.create(people.office, { caseId: row.id });
    await disclosuresService.submit(people.office, d.id, { version: d.version });
  }

  const warnings = [
    {
      kind: 'consumer_warning' as const,
      title: '春耕农资选购消费警示',
      body: '春耕时节，请到证照齐全的农资经营单位购买化肥、种子和农药，查看产品标签、登记证号和合格证明，索要并保存购货凭证。发现假劣农资，请拨打12315投诉举报。',
    },
    {
      kind: 'warning_notice' as const,
      title: '关于预付式消费的警示公告',
      body: '近期本区美容美发、健身等行业预付卡纠纷增多。请消费者理性办卡，签订书面合同，不轻信“大额充值优惠”，单次充值不宜过多；经营者不得在停业、迁址时拒不退还预付款。',
    },
  ];
  for (const w of warnings) {
    const row = await consumerWarningsService.create(people.office, w);
    await consumerWarningsService.publish(people.office, row.id, { version: row.version });
  }
}
