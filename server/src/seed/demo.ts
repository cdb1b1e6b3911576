import { seedDemoDisclosures } from './demo-disclosures';
import { seedDemoTaskProgress } from './demo-task-progress';
import { todayInChina } from '../platform/today';
import { systemActor, type Actor } from '../platform/actor';
import { demoYear } from './demo-calendar';
import { seedDemoCampaigns } from './demo-campaigns';
import { seedDemoCases } from './demo-cases';
import { seedDemoCaseSupervision } from './demo-case-supervision';
import { seedDemoInspections } from './demo-inspections';
import { seedDemoInspectionPhotos } from './demo-inspection-photos';
import { seedDemoPudongOutings } from './demo-pudong';
import { seedDemoReports } from './demo-reports';
import { seedDemoMajorEvents } from './demo-major-events';
import { seedDemoBriefings } from './demo-briefings';
import { seedDemoJointOperations } from './demo-joint-operations';
import { seedDemoSeizedGoods } from './demo-seized-goods';
import { seedDemoCaseReviews } from './demo-case-reviews';
import { seedDemoSupervision } from './demo-supervision';
import { seedDemoRectifications } from './demo-rectifications';
import { seedDemoBulletin } from './demo-bulletins';
import { seedDemoScorecards } from './demo-scorecards';
import { seedDemoRecognition } from './demo-recognition';
import { seedDemoLastYear } from './demo-lastyear';
import { seedDemoWorkPlans } from './demo-work-plans';
import { seedDemoKpis } from './demo-kpis';
import { seedDemoCredit } from './demo-credit';
import { seedDemoEntities } from './demo-entities';
import { seedDemoTransfers } from './demo-transfers';
import { seedDemoAssistance } from './demo-assistance';
import { seedDemoSamples } from './demo-samples';
import { seedDemoFieldRectifications } from './demo-field-rectifications';
import type { Db } from '../db/database';
import { createServices, type Services } from '../services';
import type { UnitKind } from '../modules/units/units.schema';
import type { Role } from '../modules/users/users.schema';

/** Initial password of every demo user (printed at start-up; each should change it). */
export const DEMO_PASSWORD = 'Redshield2026';

interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  divisionCode?: string;
  children?: UnitSpec[];
}

/**
 * The demo organisation: a city bureau and two district bureaus laid out like seed 004
 * (上海市崇明区市场监督管理局: sections 科室, the 执法大队 and grassroots 市场监管所).
 */
const DEMO_TREE: UnitSpec = {
  code: 'SH',
  name: '上海市市场监督管理局',
  kind: 'bureau',
  divisionCode: '310000',
  children: [
    { code: 'SH-ZFJC', name: '执法稽查处', kind: 'section' },
    {
      code: 'CM',
      name: '上海市崇明区市场监督管理局',
      kind: 'bureau',
      divisionCode: '310151',
      children: [
        { code: 'CM-BGS', name: '办公室', kind: 'section' },
        { code: 'CM-ZFJD', name: '执法监督管理科', kind: 'section' },
        { code: 'CM-SPSC', name: '食品生产监督管理科', kind: 'section' },
        { code: 'CM-SPJY', name: '食品经营监督管理科', kind: 'section' },
        { code: 'CM-SPXT', name: '食品安全协调科', kind: 'section' },
        { code: 'CM-TSSB', name: '特种设备安全监察科', kind: 'section' },
        { code: 'CM-RZRK', name: '认证和认可监督管理科', kind: 'section' },
        { code: 'CM-BZH', name: '标准化管理科', kind: 'section' },
        { code: 'CM-WLJY', name: '网络交易和市场规范监督管理科', kind: 'section' },
        { code: 'CM-ZSCQ', name: '知识产权科', kind: 'section' },
        { code: 'CM-XB', name: '消费者权益保护科', kind: 'section' },
        { code: 'CM-ZFDD', name: '执法大队', kind: 'brigade' },
        { code: 'CM-CQS', name: '城桥市场监管所', kind: 'office' },
        { code: 'CM-BZS', name: '堡镇市场监管所', kind: 'office' },
        { code: 'CM-CJZS', name: '陈家镇市场监管所', kind: 'office' },
      ],
    },
    {
      code: 'PD',
      name: '上海市浦东新区市场监督管理局',
      kind: 'bureau',
      divisionCode: '310115',
      children: [
        { code: 'PD-ZFJD', name: '执法监督管理科', kind: 'section' },
        { code: 'PD-SPJY', name: '食品经营监督管理科', kind: 'section' },
        { code: 'PD-ZFDD', name: '执法大队', kind: 'brigade' },
        { code: 'PD-LJZS', name: '陆家嘴市场监管所', kind: 'office' },
        { code: 'PD-ZJS', name: '张江市场监管所', kind: 'office' },
      ],
    },
  ],
};

/** An example address per demo user (example.gov.cn is reserved: nothing is delivered there). */
const demoEmail = (username: string) =>
  `${username}@${{ sh: 'shanghai', cm: 'chongming', pd: 'pudong' }[username.split('_')[0]] ?? 'redshield'}.example.gov.cn`;

/** One user per role, mostly in 崇明区局; usernames say unit and role. */
export const DEMO_USERS: { username: string; displayName: string; unitCode: string; roles: Role[]; note: string }[] = [
  {
    username: 'sh_office',
    displayName: '王建国',
    unitCode: 'SH',
    roles: ['office'],
    note: '市局 执法稽查处（专项办）',
  },
  {
    username: 'sh_office2',
    displayName: '赵敏',
    unitCode: 'SH',
    roles: ['office'],
    note: '市局 专项办（信息报送，替未报的单位代报）',
  },
  {
    username: 'sh_leader',
    displayName: '李明',
    unitCode: 'SH',
    roles: ['leader'],
    note: '市局 局领导（签发市局方案）',
  },
  { username: 'cm_admin', displayName: '陈立', unitCode: 'CM', roles: ['admin'], note: '崇明区局 系统管理员' },
  { username: 'cm_leader', displayName: '周海峰', unitCode: 'CM', roles: ['leader'], note: '崇明区局 局领导' },
  {
    username: 'cm_office',
    displayName: '莫涛',
    unitCode: 'CM',
    roles: ['office'],
    note: '崇明区局 执法监督管理科（专项办）',
  },
  {
    username: 'cm_office2',
    displayName: '刘洋',
    unitCode: 'CM',
    roles: ['office'],
    note: '崇明区局 专项办（信息报送，替未报的单位代报）',
  },
  { username: 'cm_reviewer', displayName: '顾敏', unitCode: 'CM', roles: ['reviewer'], note: '崇明区局 法制审核' },
  { username: 'cm_supervisor', displayName: '施伟', unitCode: 'CM', roles: ['supervisor'], note: '崇明区局 督查组' },
  {
    username: 'cm_handler',
    displayName: '黄志强',
    unitCode: 'CM-ZFDD',
    roles: ['handler'],
    note: '崇明区局 执法大队 办案人员',
  },
  {
    username: 'cm_handler2',
    displayName: '陆佳',
    unitCode: 'CM-ZFDD',
    roles: ['handler'],
    note: '崇明区局 执法大队 办案人员（执行）',
  },
  {
    username: 'cm_liaison',
    displayName: '沈丽',
    unitCode: 'CM-CQS',
    roles: ['liaison', 'handler'],
    note: '城桥市场监管所 联络员',
  },
  {
    username: 'pd_office',
    displayName: '钱峰',
    unitCode: 'PD',
    roles: ['office'],
    note: '浦东新区局 执法监督管理科（专项办；协查往来）',
  },
  {
    username: 'pd_liaison',
    displayName: '李娜',
    unitCode: 'PD-LJZS',
    roles: ['liaison'],
    note: '浦东新区 陆家嘴市场监管所 联络员',
  },
];

/**
 * Seeds the demo in one transaction, every service bound to it: a failure midway (a full disk, a
 * stopped server) leaves the database as it was, and the next start seeds the whole demo instead of
 * finding half of one.
 */
export async function seedDemoAtomically(db: Db, servicesFor: (db: Db) => Services = createServices): Promise<boolean> {
  return db.transaction((tx) => seedDemo(servicesFor(tx)));
}

/** Seeds the demo on a database that has no units yet. Goes through the services, so it is audited. */
export async function seedDemo(services: Services, year = demoYear(todayInChina())): Promise<boolean> {
  const existing = await services.unitsService.list(systemActor, { includeInactive: true });
  if (existing.length > 0) return false;

  const ids = new Map<string, string>();
  const createTree = async (spec: UnitSpec, parentId: string | null) => {
    const unit = await services.unitsService.create(systemActor, {
      parentId,
      name: spec.name,
      code: spec.code,
      kind: spec.kind,
      divisionCode: spec.divisionCode ?? null,
    });
    ids.set(spec.code, unit.id);
    for (const child of spec.children ?? []) await createTree(child, unit.id);
  };
  await createTree(DEMO_TREE, null);

  const actors = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const user = await services.usersService.create(
      systemActor,
      {
        username: u.username,
        password: DEMO_PASSWORD,
        displayName: u.displayName,
        unitId: ids.get(u.unitCode)!,
        roles: u.roles,
        email: demoEmail(u.username),
      },
      { mustChangePassword: false },
    );
    const unit = await services.unitsService.get(systemActor, user.unitId!);
    actors.set(u.username, {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      unitId: unit.id,
      unitPath: unit.path,
      roles: user.roles,
      isSystemAdmin: false,
    });
  }
  // A newcomer's account the district's administrator opened and nobody has used yet: on the
  // initial password (须首次登录修改), it waits in the administrator's inbox.
  await services.usersService.create(actors.get('cm_admin')!, {
    username: 'cm_xinren',
    password: DEMO_PASSWORD,
    displayName: '吴昊',
    unitId: ids.get('CM-CQS')!,
    roles: ['handler'],
  });
  const { cityCampaignId, districtCampaignId } = await seedDemoCampaigns(
    services,
    {
      city: actors.get('sh_office')!,
      cityLeader: actors.get('sh_leader')!,
      district: actors.get('cm_office')!,
      districtLeader: actors.get('cm_leader')!,
      districtLiaison: actors.get('cm_liaison')!,
    },
    ids,
    year,
  );
  await seedDemoCases(
    services,
    {
      office: actors.get('cm_office')!,
      handler: actors.get('cm_handler')!,
      reviewer: actors.get('cm_reviewer')!,
      leader: actors.get('cm_leader')!,
      secondHandler: actors.get('cm_handler2')!,
    },
    ids,
    districtCampaignId,
    year,
  );
  await seedDemoCaseSupervision(
    services,
    {
      cityOffice: actors.get('sh_office')!,
      office: actors.get('cm_office')!,
      leader: actors.get('cm_leader')!,
      handler: actors.get('cm_handler')!,
    },
    districtCampaignId,
  );
  // 行刑衔接 (issue 20): transfers to the police with their answers, 涉刑不移, a lead handed over.
  await seedDemoTransfers(
    services,
    { office: actors.get('cm_office')!, handler: actors.get('cm_handler')! },
    ids,
    districtCampaignId,
    year,
  );
  await seedDemoInspections(
    services,
    {
      office: actors.get('cm_office')!,
      handler: actors.get('cm_handler')!,
      secondHandler: actors.get('cm_handler2')!,
      liaison: actors.get('cm_liaison')!,
    },
    ids,
    districtCampaignId,
  );
  await seedDemoPudongOutings(
    services,
    { recorder: actors.get('sh_office')!, inspectorId: actors.get('pd_liaison')!.userId },
    ids,
    cityCampaignId,
  );
  // 督查组, 片区, the two rounds and their visits; the 案卷评查 below belongs to the first round.
  const supervision = await seedDemoSupervision(services, actors, ids, districtCampaignId);
  // After the 双随机 draw: 案卷评查 adds 堡镇所's handler, whom the draw must not pick as an inspector it did not plan for.
  await seedDemoCaseReviews(
    services,
    {
      office: actors.get('cm_office')!,
      leader: actors.get('cm_leader')!,
      reviewer: actors.get('cm_reviewer')!,
      liaison: actors.get('cm_liaison')!,
      handler: actors.get('cm_handler')!,
      supervisor: actors.get('cm_supervisor')!,
    },
    ids,
    districtCampaignId,
    year,
    supervision.roundIds[0],
  );
  await seedDemoReports(
    services,
    {
      cityOffice: actors.get('sh_office')!,
      citySender: actors.get('sh_office2')!,
      office: actors.get('cm_office')!,
      sender: actors.get('cm_office2')!,
      liaison: actors.get('cm_liaison')!,
    },
    { cityCampaignId, districtCampaignId },
  );
  await seedDemoMajorEvents(
    services,
    { office: actors.get('cm_office')!, liaison: actors.get('cm_liaison')! },
    ids,
    districtCampaignId,
  );
  // 联合执法 and 联席会议, before the briefings: the saved draft counts them.
  await seedDemoJointOperations(
    services,
    { office: actors.get('cm_office')!, handler: actors.get('cm_handler')! },
    ids,
    districtCampaignId,
  );
  await seedDemoBriefings(services, actors.get('cm_office')!, districtCampaignId);
  // 督查: findings and 整改 on the visits, and the issued 通报 of the first round (with its 案卷评查).
  await seedDemoRectifications(services, actors, supervision.visits);
  await seedDemoBulletin(services, actors.get('cm_office')!, supervision.roundIds[0]);
  // 典型案例评选, 表彰 and 问责 of the district's plan (after the cases and the overdue 整改 they cite).
  await seedDemoRecognition(
    services,
    {
      office: actors.get('cm_office')!,
      office2: actors.get('cm_office2')!,
      leader: actors.get('cm_leader')!,
      handler: actors.get('cm_handler')!,
    },
    ids,
    districtCampaignId,
  );
  // Issue 18: last year's plan beside this year's (同比, 结转), and the departments' 工作实施计划备案.
  await seedDemoLastYear(
    services,
    {
      office: actors.get('cm_office')!,
      leader: actors.get('cm_leader')!,
      handler: actors.get('cm_handler')!,
      reviewer: actors.get('cm_reviewer')!,
    },
    ids,
    districtCampaignId,
    year,
  );
  await seedDemoWorkPlans(services, { office: actors.get('cm_office')! }, ids, districtCampaignId);
  // 信用监管 (issue 20): penalty publications on time, late, overdue and due; 失信名单 and 经营异常名录.
  await seedDemoCredit(
    services,
    {
      office: actors.get('cm_office')!,
      handler: actors.get('cm_handler')!,
      reviewer: actors.get('cm_reviewer')!,
      leader: actors.get('cm_leader')!,
    },
    ids,
    districtCampaignId,
    year,
  );
  // 考核指标: seed 003's plan with its measured KPIs, 崇明's draws under its 实施方案 and 明厨亮灶 figures.
  await seedDemoKpis(
    services,
    {
      city: actors.get('sh_office')!,
      cityLeader: actors.get('sh_leader')!,
      district: actors.get('cm_office')!,
      districtLeader: actors.get('cm_leader')!,
      liaison: actors.get('cm_liaison')!,
    },
    ids,
    year,
  );
  // 经济户口 (issue 21): a frequency rule, outings naming the register's entities (and the credit demo's supermarket),
  // after the KPIs' draws, which draw from the register as it was.
  await seedDemoEntities(
    services,
    // 城桥所's liaison records the 所's outings (as in demo-inspections.ts).
    { office: actors.get('cm_office')!, recorder: actors.get('cm_liaison')! },
    ids,
    districtCampaignId,
  );
  // 曝光: a typical case on the public page (approved by cm_leader), another awaiting him; two 消费警示.
  await seedDemoDisclosures(
    services,
    { office: actors.get('cm_office')!, leader: actors.get('cm_leader')! },
    districtCampaignId,
  );
  // 协查与通报: 崇明's 协查函 answered by 浦东, and 浦东's 线索通报 waiting for 崇明.
  await seedDemoAssistance(
    services,
    { cmOffice: actors.get('cm_office')!, pdOffice: actors.get('pd_office')! },
    ids,
    year,
  );
  // 涉案财物: the 私宰肉 3478 公斤 of the first food outing confiscated and destroyed (photos), goods in custody, returned.
  await seedDemoSeizedGoods(
    services,
    { handler: actors.get('cm_handler')!, secondHandler: actors.get('cm_handler2')! },
    ids,
    districtCampaignId,
  );
  // 抽样检验: 月饼 16 batches, 2 failed (87.5%), one in follow-up (下架 done, 立案 open), one closed.
  await seedDemoSamples(services, actors.get('cm_office')!, ids, districtCampaignId);
  // 责令整改 on 城桥所's outings and a 双随机 finding turned into a lead (issue 21).
  await seedDemoFieldRectifications(
    services,
    {
      office: actors.get('cm_office')!,
      leader: actors.get('cm_leader')!,
      inspector: actors.get('cm_liaison')!,
      drawInspectors: [actors.get('cm_handler')!, actors.get('cm_handler2')!, actors.get('cm_liaison')!],
    },
    ids,
    districtCampaignId,
  );
  // The bells hold what the daily scans would tell today (chases, returns and approvals are told as they happen).
  await services.reportReminders.scan();
  await services.caseClockReminders.scan();
  await services.leadClockReminders.scan();
  await services.caseSupervisionReminders.scan();
  await services.rectificationReminders.scan();
  // 考核评分: a scheme over everything above, and its published results.
  await seedDemoScorecards(services, actors.get('cm_office')!, districtCampaignId);
  // 任务进展: the 牵头 units' 进展情况, one left without progress for the office's inbox.
  await seedDemoTaskProgress(services, [cityCampaignId, districtCampaignId], DEMO_PASSWORD);
  await services.taskProgressReminders.scan();
  // 现场照片: photos with 拍摄时间 and place on the brigade's newest outings.
  await seedDemoInspectionPhotos(services, actors.get('cm_handler')!);
  return true;
}
