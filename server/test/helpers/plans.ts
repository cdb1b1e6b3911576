import { planSchema } from '../../src/modules/campaigns/campaign-plan.types';
import type { CampaignsService } from '../../src/modules/campaigns/campaigns.service';
import { systemActor } from '../../src/platform/actor';

/** A small valid plan for a tenant's district, to vary in tests. */
export function samplePlan(opts: { leadUnitId: string; participantUnitIds: string[] }) {
  return {
    name: '2026年民生领域案件查办“铁拳”行动方案',
    docNumber: '测市监执〔2026〕1号',
    issuingOrgan: '测试区市场监督管理局',
    issueDate: '2026-03-01',
    recipients: '各科（室）、执法大队、基层市场监管所',
    basis: ['《市场监管总局关于印发〈2026民生领域案件查办“铁拳”行动方案〉的通知》'],
    goals: ['依法查办一批群众身边性质恶劣的典型案件。'],
    startDate: '2026-03-01',
    endDate: '2026-12-15',
    phases: [
      { name: '动员部署', startDate: '2026-03-01', endDate: '2026-03-15', description: '制定方案，动员部署。' },
      { name: '集中整治', startDate: '2026-03-16', endDate: '2026-11-30', description: '' },
      { name: '总结提高', startDate: '2026-12-01', endDate: '2026-12-15', description: '' },
    ],
    concentratedWindows: [
      { name: '第一次集中行动', startDate: '2026-05-01', endDate: '2026-05-07' },
      { name: '第二次集中行动', startDate: '2026-09-20', endDate: '2026-09-27' },
    ],
    categories: [
      { code: 'food', label: '食品安全违法' },
      { code: 'ip', label: '知识产权违法', subLabel: '商标、专利、地理标志' },
    ],
    tasks: [
      {
        area: '重点任务',
        title: '食品安全违法案件查处任务',
        content: '以冷链食品为重点。',
        categoryCode: 'food',
        focusProducts: ['冷链食品'],
        leadUnitIds: [opts.leadUnitId],
      },
      {
        area: '重点任务',
        title: '知识产权违法案件查处任务',
        content: '严查商标侵权。',
        categoryCode: 'ip',
        leadUnitIds: [opts.leadUnitId],
      },
    ],
    kpis: [
      {
        name: '双随机抽查覆盖率',
        comparator: '>=',
        target: 5,
        unit: '%',
        description: '',
        measure: 'random_check_coverage',
        period: 'year',
      },
    ],
    leadership: [{ role: '组长', name: '张三', title: '局长' }],
    liaisonDeadline: '2026-03-17',
    reportSchedules: [{ kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: true }],
    sections: [{ heading: '工作要求', paragraphs: ['加强领导，落实责任。'] }],
    attachments: ['联络员表'],
    participantUnitIds: opts.participantUnitIds,
  };
}

/**
 * A sample plan issued by `issuerUnitId` (a district, usually), as the system would create it: the
 * usual setup of a test that needs a campaign to file records under.
 */
export async function createSampleCampaign(
  services: { campaignsService: CampaignsService },
  opts: { issuerUnitId: string; leadUnitId: string; participantUnitIds: string[]; year?: number },
) {
  const sample = samplePlan({ leadUnitId: opts.leadUnitId, participantUnitIds: opts.participantUnitIds });
  // The same plan in another year (a test whose records are dated today needs the plan of this year).
  const dated = opts.year ? JSON.parse(JSON.stringify(sample).replaceAll('2026-', `${opts.year}-`)) : sample;
  const plan = planSchema.parse(dated);
  return services.campaignsService.create(systemActor, { ...plan, unitId: opts.issuerUnitId });
}

/**
 * The district's own sample campaign: issued by the district, led by its office, both taking part
 * (the units of `createTenant`).
 */
export function createDistrictCampaign(
  services: { campaignsService: CampaignsService },
  units: { district: { id: string }; office: { id: string } },
) {
  return createSampleCampaign(services, {
    issuerUnitId: units.district.id,
    leadUnitId: units.office.id,
    participantUnitIds: [units.district.id, units.office.id],
  });
}
