import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ROLES, users, type Role } from '../src/modules/users/users.schema';
import { units } from '../src/modules/units/units.schema';
import { campaigns, campaignTasks, campaignTaskUnits } from '../src/modules/campaigns/campaigns.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { caseInputOf } from '../src/modules/cases/case-rows';
import { leads } from '../src/modules/leads/leads.schema';
import { inspections } from '../src/modules/inspections/inspections.schema';
import { marketEntities } from '../src/modules/market-entities/market-entities.schema';
import { createRandomChecksRepository } from '../src/modules/random-checks/random-checks.repository';
import { createMarketEntitiesRepository } from '../src/modules/market-entities/market-entities.repository';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { createReportsRepository } from '../src/modules/reports/reports.repository';
import { createReportAttachmentsRepository } from '../src/modules/reports/report-attachments.repository';
import { majorEvents } from '../src/modules/major-events/major-events.schema';
import { caseSupervisions } from '../src/modules/case-supervision/case-supervision.schema';
import { createBriefingsRepository } from '../src/modules/briefings/briefings.repository';
import { insertSupervision, insertSupervisionChain, insertVisit } from './helpers/supervision-fixtures';
import { createApprovalsRepository } from '../src/modules/approvals/approvals.repository';
import { createCaseReviewsRepository } from '../src/modules/case-reviews/case-reviews.repository';
import { caseReviewFiles } from '../src/modules/case-reviews/case-reviews.schema';
import { DEFAULT_SHEET_ITEMS } from '../src/modules/case-reviews/case-review-sheet';
import { createSupervisionBulletinsRepository } from '../src/modules/supervision-bulletins/supervision-bulletins.repository';
import { insertRound } from './helpers/bulletin-fixtures';
import { createScorecardsRepository } from '../src/modules/scorecards/scorecards.repository';
import {
  rectificationAttachments,
  rectificationEvents,
  supervisionFindings,
} from '../src/modules/supervision/supervision.schema';
import {
  accountabilityMeasures,
  commendations,
  typicalCaseNominations,
} from '../src/modules/recognition/recognition.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { insertFailedEmail } from './helpers/failed-email';
import { createTenant, RELATIONS, TEST_PASSWORD, type Relation, type Tenant } from './helpers/factories';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { samplePlan } from './helpers/plans';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { unitWorkPlanFiles, unitWorkPlans } from '../src/modules/work-plans/work-plans.schema';
import { campaigns as wpCampaigns } from '../src/modules/campaigns/campaigns.schema';
import { assistanceAttachments, assistanceRequests } from '../src/modules/assistance/assistance.schema';
import { createDisclosuresRepository } from '../src/modules/disclosures/disclosures.repository';
import { seizedGoodsAttachments } from '../src/modules/seized-goods/seized-goods.schema';

/**
 * Every route × every role × the target's relation to the caller's unit (own / child / sibling /
 * parent), with the answer each must give. A route missing from this table fails the suite, so a
 * new route cannot ship without its scope and role decisions written down and checked.
 */
let t: TestApp;
let tenant: Tenant;
const sessions = {} as Record<Role, Session>;
/**
 * Campaigns at each relation to the district: its own; the city's, in which it takes part
 * ("child" here: a superior's plan the district carries out); the sibling's; the city's without it.
 */
const campaignIds = {} as Record<Relation, string>;
/** A case handled at each relation's unit, in the campaign of that relation. */
const caseIds = {} as Record<Relation, string>;
const leadIds = {} as Record<Relation, string>;
const inspectionIds = {} as Record<Relation, string>;
/** A market entity, and a (replaced) draw with one item, at each relation's unit. */
const entityIds = {} as Record<Relation, string>;
const drawIds = {} as Record<Relation, string>;
const drawItemIds = {} as Record<Relation, string>;
let cityLeaderId: string;
/** The monthly schedule of each campaign, and a submitted March report of a participant in each. */
const scheduleIds = new Map<string, string>();
const submissionIds = {} as Record<Relation, string>;
/** A 重大情况报告 of each plan's reporter, awaiting the plan's office. */
const majorEventIds = {} as Record<Relation, string>;
/** A filed 工作实施计划 of each plan's reporter (with its file), awaiting 备案 by the plan's office. */
const workPlanIds = {} as Record<Relation, string>;
/** A transfer (移送) of each relation's case, awaiting its answer. */
const transferIds = {} as Record<Relation, string>;
/** 涉案财物: a custody record of each relation's unit, with one photo (seized-goods). */
const seizedGoodsIds = {} as Record<Relation, { id: string; fileId: string }>;
/** The unit that reports to each relation's plan: the office in the district's plan, the district in the city's, else the plan's own unit. */
const reporterOf = (rel: Relation) =>
  ({
    own: tenant.units.office.id,
    child: tenant.units.district.id,
    sibling: tenant.units.sibling.id,
    parent: tenant.units.city.id,
  })[rel];
/** A 督办 request on each relation's case, to the unit above the case's unit (the city for the city's own). */
const supervisionIds = {} as Record<Relation, string>;
/** An issued 简报 and a draft of each campaign, by the office of the bureau that issued the campaign. */
const briefingIds = {} as Record<Relation, { issued: string; draft: string }>;
/** A pending request of the city's leader to extend each relation's case (审批). */
const approvalIds = {} as Record<Relation, string>;
/**
 * 案卷评查 of each campaign by the bureau that issued it, drawn, with one file: of the district's 所 in the
 * district's own (assigned to the district's legal reviewer), of the 所 in the others (unassigned).
 */
const reviewIds = {} as Record<Relation, { exercise: string; file: string }>;
/** A 督查 round of each campaign by its issuing bureau, with an issued 通报 and a draft. */
const roundIds = {} as Record<Relation, string>;
const bulletinIds = {} as Record<Relation, { issued: string; draft: string }>;
/** A notification e-mail to the handler of each relation's unit that failed for good (邮件发送失败). */
const failedEmailIds = {} as Record<Relation, string>;
/**
 * 典型案例评选, 表彰 and 问责 of each relation's plan: a nomination of its case (by the city's leader, so
 * nobody of the district is its nominator), a 表彰 and a 问责 of the relation's unit.
 */
const recognitionIds = {} as Record<Relation, { nomination: string; commendation: string; accountability: string }>;
const randomRepo = createRandomChecksRepository();
/**
 * 整改 at each relation's unit: a visit of a group the city's leader leads (none of the district's
 * people is of it), organised by the unit that issued the relation's plan, with an open finding and
 * a replied one that has a file sent with its reply.
 */
const rectification = {} as Record<Relation, { visitId: string; open: string; replied: string; fileId: string }>;
/** 督查 of each relation's plan: a group of the plan's issuing unit with the relation's unit as its 片区, a round, a draw, a visit. */
const supervisionChain = {} as Record<Relation, Awaited<ReturnType<typeof insertSupervisionChain>>>;
/** 考核评分: a scheme of each relation's plan, with one publication. */
const scorecardIds = {} as Record<Relation, { scheme: string; publication: string }>;
/**
 * 协查与通报 between bureaus, one per relation: the district's to its sibling ("own": the district
 * sends), the sibling's to the district ("child" here: the district receives), the sibling's to the
 * city and the city's to the sibling (neither end is the district: 404). Each waits (待受理) with a sender's file.
 */
const assistanceIds = {} as Record<Relation, { id: string; fileId: string }>;
/** 曝光: a draft disclosure of each relation's case (at its unit), a draft 消费警示 there, and one published disclosure of the district's. */
const disclosureIds = {} as Record<Relation, { disclosure: string; warning: string }>;
let publishedDisclosureId: string;
const scorecardIndicators = [{ kind: 'cases_filed', label: '立案数', weight: 100, rule: 'share_of_max' as const }];
/** market-entities (经济户口): a 检查频次规则 set by each relation's unit. */
const frequencyRuleIds = {} as Record<Relation, string>;
/** A valid credit code of this run, the n-th (entities the matrix registers). */
const matrixCreditCode = (n: number) => {
  const body = `9231${tenant.tag.toUpperCase().replace(/[IOSVZ]/g, 'A')}${String(n).padStart(5, '0')}`;
  return body + creditCodeCheckChar(body);
};
const matrixEntityBody = (unitId: string, n: number) => ({
  unitId,
  name: `授权测试登记主体${n}`,
  creditCode: matrixCreditCode(n),
  entityKind: 'individual',
  industry: '食品销售',
});
/** 联合执法: a joint action at each relation's unit (joint-operations). */
const jointOperationIds = {} as Record<Relation, string>;
/** 抽样检验 (samples): a failed sample in follow-up (下架, 立案) at each relation's unit. */
const sampleIds = {} as Record<Relation, string>;
/** 责令整改 (field-rectifications): an open and a replied order on each relation's outing. */
const fieldOrders = {} as Record<Relation, { open: string; replied: string }>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  for (const role of ROLES) sessions[role] = await login(t.app, tenant.byRole[role].username, TEST_PASSWORD);
  const make = async (unitId: string, participants: string[]) => {
    const created = await t.services.campaignsService.create(systemActor, {
      ...planSchema.parse(samplePlan({ leadUnitId: unitId, participantUnitIds: participants })),
      unitId,
    });
    scheduleIds.set(created.id, created.reportSchedules[0].id!);
    return created.id;
  };
  const { city, district, office, sibling } = tenant.units;
  campaignIds.own = await make(district.id, [district.id, office.id]);
  campaignIds.child = await make(city.id, [city.id, district.id]);
  campaignIds.sibling = await make(sibling.id, [sibling.id]);
  campaignIds.parent = await make(city.id, [city.id]);
  const cityLeader = await t.services.usersService.create(
    systemActor,
    {
      username: `city_leader_${tenant.tag}`,
      password: TEST_PASSWORD,
      displayName: '市局领导',
      unitId: city.id,
      roles: ['leader'],
    },
    { mustChangePassword: false },
  );
  cityLeaderId = cityLeader.id;
  for (const rel of RELATIONS) {
    const created = await t.services.casesService.create(
      systemActor,
      caseBody(rel, tenant.relations[rel].id, `AZ-${rel}`) as never,
    );
    caseIds[rel] = created.id;
    leadIds[rel] = (
      await t.services.leadsService.create(systemActor, leadBody(rel, tenant.relations[rel].id) as never)
    ).id;
    inspectionIds[rel] = (
      await t.services.inspectionsService.create(systemActor, inspectionBody(rel, tenant.relations[rel].id) as never)
    ).id;
    const unitId = tenant.relations[rel].id;
    const code = `91310000AZ${tenant.tag
      .slice(0, 4)
      .toUpperCase()
      .replace(/[IOSVZ]/g, 'A')}${RELATIONS.indexOf(rel)}00`;
    await createMarketEntitiesRepository().upsertEntities(t.database.db, [
      {
        unitId,
        name: `授权测试主体${rel}`,
        creditCode: code + creditCodeCheckChar(code),
        address: null,
        industry: null,
        divisionCode: null,
        riskLevel: 'low',
        licence: null,
      },
    ]);
    entityIds[rel] = (await t.database.db.select().from(marketEntities).where(eq(marketEntities.unitId, unitId)))[0].id;
    const draw = await randomRepo.insertDraw(
      t.database.db,
      {
        unitId,
        name: '授权测试抽查',
        algorithm: 'test',
        seed: 'x',
        filters: {},
        size: { count: 1 },
        candidateIds: [entityIds[rel]],
        inspectorIds: [],
        ties: [],
        replacedById: entityIds[rel],
        createdBy: cityLeaderId,
        createdByName: '测试',
      },
      [{ seq: 1, entityId: entityIds[rel], inspectorIds: [tenant.unitUsers[rel].id, cityLeaderId] }],
    );
    drawIds[rel] = draw.id;
    drawItemIds[rel] = (await randomRepo.items(t.database.db, draw.id))[0].id;
    // A unit that owes the plan its reports (never the bureau that issued it).
    const reporter = reporterOf(rel);
    submissionIds[rel] = (
      await createReportsRepository().insert(t.database.db, {
        campaignId: campaignIds[rel],
        unitId: reporter,
        scheduleId: scheduleIds.get(campaignIds[rel])!,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        dueDate: '2026-04-02',
        status: 'submitted',
        late: false,
        submittedAt: new Date(),
        submittedBy: cityLeaderId,
        narrative: { statistics: '', keyCases: '', practices: '', problems: '', nextSteps: '' },
        figures: [],
      })
    ).id;
    const [event] = await t.database.db
      .insert(majorEvents)
      .values({
        campaignId: campaignIds[rel],
        unitId: reporter,
        kind: 'major_situation',
        title: '授权测试重大情况',
        occurredOn: '2026-04-01',
        summary: '情况',
        measuresTaken: '措施',
        reportedBy: cityLeaderId,
        reportedAt: new Date(),
      })
      .returning();
    majorEventIds[rel] = event.id;
    await t.database.db
      .update(wpCampaigns)
      .set({ workPlanDeadline: '2026-04-30' })
      .where(eq(wpCampaigns.id, campaignIds[rel]));
    const [workPlan] = await t.database.db
      .insert(unitWorkPlans)
      .values({
        campaignId: campaignIds[rel],
        unitId: reporter,
        title: '授权测试工作实施计划',
        summary: '内容',
        filedBy: cityLeaderId,
        filedAt: new Date(),
      })
      .returning();
    workPlanIds[rel] = workPlan.id;
    await t.database.db.insert(unitWorkPlanFiles).values({
      workPlanId: workPlan.id,
      fileName: 'plan.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 8,
      sha256: '0',
      content: Buffer.from('%PDF-1.4'),
      uploadedBy: cityLeaderId,
      uploadedByName: '测试',
    });
    const briefing = (status: 'issued' | 'draft') =>
      createBriefingsRepository().insert(t.database.db, {
        campaignId: campaignIds[rel],
        issuingUnitId: rel === 'own' ? district.id : rel === 'sibling' ? sibling.id : city.id,
        kind: 'briefing',
        title: '授权测试简报',
        date: '2026-05-06',
        from: '2026-03-01',
        to: '2026-04-30',
        paragraphs: ['正文。'],
        status,
        number: status === 'issued' ? 1 : null,
        createdBy: cityLeaderId,
      });
    briefingIds[rel] = { issued: (await briefing('issued')).id, draft: (await briefing('draft')).id };
    approvalIds[rel] = (
      await createApprovalsRepository().insert(t.database.db, {
        kind: 'case_extension',
        recordType: 'case',
        recordId: caseIds[rel],
        unitId,
        title: '授权测试延期申请',
        requestedBy: cityLeaderId,
        payload: { days: 30, reason: '授权测试' },
        approverRole: 'leader',
      })
    ).id;
    failedEmailIds[rel] = await insertFailedEmail(t.database.db, tenant.unitUsers[rel].id);
    const [supervision] = await t.database.db
      .insert(caseSupervisions)
      .values({
        caseId: caseIds[rel],
        supervisingUnitId: rel === 'child' ? district.id : city.id,
        origin: 'requested',
        status: 'requested',
        requestReason: '授权测试报请督办',
        requestedBy: cityLeaderId,
        requestedAt: new Date(),
      })
      .returning();
    supervisionIds[rel] = supervision.id;
    // 移送 (transfers module): a transfer of each relation's case to a non-judicial organ (the figures stay as they are).
    transferIds[rel] = (
      await t.services.transfersService.transferCase(systemActor, caseIds[rel], {
        receiverKind: 'agriculture',
        receiverName: '授权测试农业农村委',
        transferDate: todayInChina(),
        reason: '',
        materials: [],
      })
    ).id;
    const organizerUnitId = rel === 'own' ? district.id : rel === 'sibling' ? sibling.id : city.id;
    const reviews = createCaseReviewsRepository();
    const sheet = await reviews.insertSheet(t.database.db, {
      unitId: organizerUnitId,
      revision: (await reviews.lastRevision(t.database.db, organizerUnitId)) + 1,
      name: '授权测试评查表',
      items: DEFAULT_SHEET_ITEMS,
      supersededAt: new Date(),
    });
    const exercise = await reviews.insertExercise(t.database.db, {
      campaignId: campaignIds[rel],
      organizerUnitId,
      sheetId: sheet.id,
      title: '授权测试评查',
      startDate: '2026-04-01',
      endDate: '2026-04-30',
      filesPerUnit: 1,
      createdBy: cityLeaderId,
    });
    await reviews.insertDraw(t.database.db, {
      exerciseId: exercise.id,
      seed: 'x',
      algorithm: 'test',
      candidates: [],
      count: 1,
      picked: [],
      createdBy: cityLeaderId,
    });
    const fileUnit = rel === 'sibling' ? tenant.units.siblingOffice.id : office.id;
    await reviews.insertFiles(t.database.db, [
      {
        exerciseId: exercise.id,
        caseId: caseIds[rel],
        unitId: fileUnit,
        seq: 1,
        reviewerId: rel === 'own' ? tenant.byRole.reviewer.id : null,
      },
    ]);
    const [file] = await t.database.db
      .select()
      .from(caseReviewFiles)
      .where(eq(caseReviewFiles.exerciseId, exercise.id));
    reviewIds[rel] = { exercise: exercise.id, file: file.id };
    roundIds[rel] = (
      await insertRound(t.database.db, {
        campaignId: campaignIds[rel],
        organizerUnitId,
        number: 1,
        createdBy: cityLeaderId,
      })
    ).id;
    const bulletin = (status: 'issued' | 'draft') =>
      createSupervisionBulletinsRepository().insert(t.database.db, {
        roundId: roundIds[rel],
        campaignId: campaignIds[rel],
        organizerUnitId,
        title: '授权测试通报',
        recipients: '测试所',
        docPrefix: '测市监督',
        date: '2026-05-06',
        paragraphs: ['正文。'],
        status,
        year: status === 'issued' ? 2026 : null,
        number: status === 'issued' ? RELATIONS.indexOf(rel) + 1 : null,
        createdBy: cityLeaderId,
      });
    bulletinIds[rel] = { issued: (await bulletin('issued')).id, draft: (await bulletin('draft')).id };
    const [recognitionNomination] = await t.database.db
      .insert(typicalCaseNominations)
      .values({
        campaignId: campaignIds[rel],
        caseId: caseIds[rel],
        categoryCode: 'food',
        unitId,
        reason: '授权测试推荐',
        nominatedBy: cityLeaderId,
        nominatedAt: new Date(),
      })
      .returning();
    const recognitionEntry = {
      campaignId: campaignIds[rel],
      unitId,
      reason: '授权测试',
      decidedOn: '2026-05-06',
      createdBy: cityLeaderId,
    };
    const [recognitionCommendation] = await t.database.db
      .insert(commendations)
      .values({ ...recognitionEntry, kind: 'advanced_collective' })
      .returning();
    const [recognitionAccountability] = await t.database.db
      .insert(accountabilityMeasures)
      .values({ ...recognitionEntry, measure: 'interview' })
      .returning();
    recognitionIds[rel] = {
      nomination: recognitionNomination.id,
      commendation: recognitionCommendation.id,
      accountability: recognitionAccountability.id,
    };
  }
  for (const rel of RELATIONS) {
    const unitId = tenant.relations[rel].id;
    const organizerUnitId = { own: district.id, child: city.id, sibling: sibling.id, parent: city.id }[rel];
    const db = t.database.db;
    // Rounds 1 (the 通报's) and 3 (the groups' own routes) are taken: the rectifications' round is the second.
    const { group, round } = await insertSupervision(db, {
      campaignId: campaignIds[rel],
      organizerUnitId,
      leaderId: cityLeaderId,
      createdBy: cityLeaderId,
      roundNumber: 2,
    });
    const visit = await insertVisit(db, {
      roundId: round.id,
      groupId: group.id,
      campaignId: campaignIds[rel],
      unitId,
      visitDate: '2026-04-01',
      createdBy: cityLeaderId,
    });
    const finding = async (status: 'open' | 'replied') =>
      (
        await db
          .insert(supervisionFindings)
          .values({
            visitId: visit.id,
            campaignId: campaignIds[rel],
            unitId,
            description: '授权测试发现问题',
            requirement: '授权测试整改要求',
            status,
            deadline: '2026-04-30',
            createdBy: cityLeaderId,
          })
          .returning()
      )[0].id;
    const replied = await finding('replied');
    const [event] = await db
      .insert(rectificationEvents)
      .values({ findingId: replied, kind: 'reply', text: '已整改', actorId: cityLeaderId, actorName: '测试' })
      .returning();
    const [file] = await db
      .insert(rectificationAttachments)
      .values({
        findingId: replied,
        eventId: event.id,
        fileName: '授权测试.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 9,
        sha256: '0'.repeat(64),
        content: Buffer.from('%PDF-1.7\n'),
        uploadedBy: cityLeaderId,
        uploadedByName: '测试',
      })
      .returning();
    rectification[rel] = { visitId: visit.id, open: await finding('open'), replied, fileId: file.id };
    supervisionChain[rel] = await insertSupervisionChain(t.database.db, {
      campaignId: campaignIds[rel],
      organizerUnitId,
      leaderId:
        rel === 'own' ? tenant.unitUsers.own.id : rel === 'sibling' ? tenant.unitUsers.sibling.id : cityLeaderId,
      unitId,
      createdBy: cityLeaderId,
      roundNumber: 3,
    });
  }
  // The KPIs of the city's plan the district carries out: a current draw of the district and one of
  // the sibling district, each with a published result; the district's figures must not hold the sibling's.
  for (const rel of ['own', 'sibling'] as const) {
    const draw = await randomRepo.insertDraw(
      t.database.db,
      {
        unitId: tenant.relations[rel].id,
        campaignId: campaignIds.child,
        name: '授权测试KPI',
        algorithm: 'test',
        seed: 'x',
        filters: {},
        size: { count: 1 },
        candidateIds: [entityIds[rel]],
        inspectorIds: [],
        ties: [],
        createdBy: cityLeaderId,
        createdByName: '测试',
      },
      [{ seq: 1, entityId: entityIds[rel], inspectorIds: [tenant.unitUsers[rel].id, cityLeaderId] }],
    );
    const [item] = await randomRepo.items(t.database.db, draw.id);
    await randomRepo.updateItem(t.database.db, item.id, item.version, {
      checkDate: '2026-04-02',
      result: 'no_problem',
      published: true,
      publishedAt: new Date(),
    });
  }
  const scorecardsRepo = createScorecardsRepository();
  for (const rel of RELATIONS) {
    const scheme = await scorecardsRepo.insertScheme(t.database.db, {
      campaignId: campaignIds[rel],
      name: '授权测试考核',
      indicators: scorecardIndicators,
    });
    const publication = await scorecardsRepo.insertPublication(t.database.db, {
      schemeId: scheme.id,
      campaignId: campaignIds[rel],
      periodFrom: '2026-03-01',
      periodTo: '2026-06-30',
      scheme: { revision: 1, name: scheme.name, indicators: scorecardIndicators },
      results: [],
    });
    scorecardIds[rel] = { scheme: scheme.id, publication: publication.id };
  }
  // 曝光
  const disclosuresRepo = createDisclosuresRepository();
  const disclosureOf = (rel: Relation, status: 'draft' | 'published') =>
    disclosuresRepo.insert(t.database.db, {
      caseId: caseIds[rel],
      unitId: tenant.relations[rel].id,
      campaignId: campaignIds[rel],
      title: `授权测试曝光${rel}`,
      body: '某企业销售过期食品。',
      partyDisplayName: '某企业',
      categoryLabel: '食品',
      decisionDate: '2026-03-01',
      status,
      publishedAt: status === 'published' ? new Date() : null,
      createdBy: cityLeaderId,
    });
  for (const rel of RELATIONS) {
    const warning = await disclosuresRepo.warnings.insert(t.database.db, {
      unitId: tenant.relations[rel].id,
      kind: 'consumer_warning',
      title: `授权测试警示${rel}`,
      body: '请理性消费。',
      status: 'draft',
      createdBy: cityLeaderId,
    });
    disclosureIds[rel] = { disclosure: (await disclosureOf(rel, 'draft')).id, warning: warning.id };
  }
  publishedDisclosureId = (await disclosureOf('own', 'published')).id;
  // 联合执法: a joint action of each relation's unit, recorded by the system (nobody of the district is its recorder).
  for (const rel of RELATIONS)
    jointOperationIds[rel] = (
      await t.services.jointOperationsService.create(
        systemActor,
        jointOperationBody(rel, tenant.relations[rel].id) as never,
      )
    ).id;
  const assistancePairs: Record<Relation, [string, string]> = {
    own: [district.id, sibling.id],
    child: [sibling.id, district.id],
    sibling: [sibling.id, city.id],
    parent: [city.id, sibling.id],
  };
  for (const rel of RELATIONS) {
    const [fromUnitId, toUnitId] = assistancePairs[rel];
    const [request] = await t.database.db
      .insert(assistanceRequests)
      .values({
        kind: 'assistance',
        fromUnitId,
        toUnitId,
        title: '授权测试协查函',
        facts: '情况',
        requestedItems: '事项',
        replyDueDate: '2099-12-31',
        createdBy: cityLeaderId,
      })
      .returning();
    const [file] = await t.database.db
      .insert(assistanceAttachments)
      .values({
        requestId: request.id,
        side: 'sender',
        fileName: 'x.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 8,
        sha256: '0',
        content: Buffer.from('%PDF-1.4'),
        uploadedBy: cityLeaderId,
        uploadedByName: '测试',
      })
      .returning();
    assistanceIds[rel] = { id: request.id, fileId: file.id };
  }
  // 责令整改 (field-rectifications): an open and a replied order on a second outing of each relation's
  // unit (the first keeps 责令整改份数 0 for its PUT row), naming the unit's entity.
  for (const rel of RELATIONS) {
    const outing = await t.services.inspectionsService.create(
      systemActor,
      inspectionBody(rel, tenant.relations[rel].id) as never,
    );
    const order = async (status: 'open' | 'replied') =>
      (
        await t.database.db
          .insert(supervisionFindings)
          .values({
            inspectionId: outing.id,
            entityId: entityIds[rel],
            campaignId: campaignIds[rel],
            unitId: tenant.relations[rel].id,
            description: '授权测试责令整改',
            requirement: '限期整改',
            status,
            deadline: '2026-04-30',
            createdBy: cityLeaderId,
          })
          .returning()
      )[0].id;
    fieldOrders[rel] = { open: await order('open'), replied: await order('replied') };
  }
  // seized-goods (涉案财物): custody of goods at each relation's unit, registered by the system, with a photo.
  for (const rel of RELATIONS) {
    const { id } = await t.services.seizedGoodsService.create(
      systemActor,
      seizedGoodsBody(rel, tenant.relations[rel].id, tenant.unitUsers[rel].id) as never,
    );
    const [file] = await t.database.db
      .insert(seizedGoodsAttachments)
      .values({
        seizedGoodsId: id,
        fileName: 'x.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 8,
        sha256: '0',
        content: Buffer.from('%PDF-1.4'),
        uploadedBy: cityLeaderId,
        uploadedByName: '测试',
      })
      .returning();
    seizedGoodsIds[rel] = { id, fileId: file.id };
  }
  // samples: a failed sample of each relation's unit, at its own entity, recorded by the system.
  for (const rel of RELATIONS)
    sampleIds[rel] = (await t.services.samplesService.create(systemActor, sampleBody(rel, 'fail') as never)).id;
  // market-entities (经济户口, issue 21): a frequency rule set by each relation's unit.
  for (const rel of RELATIONS)
    frequencyRuleIds[rel] = (
      await t.services.frequencyRulesService.createRule(systemActor, {
        unitId: tenant.relations[rel].id,
        name: '授权测试频次规则',
        industry: '食品销售',
        entityKind: null,
        minCount: 2,
        period: 'week',
        active: true,
      })
    ).id;
});

/** Goods seized at a relation's unit in its plan, kept by that unit's handler (seized-goods). */
function seizedGoodsBody(rel: Relation, unitId: string, custodianId: string) {
  return {
    unitId,
    campaignId: campaignIds[rel],
    categoryCode: 'food',
    goods: '授权测试私宰肉',
    measure: 'detained',
    quantity: '12.5',
    quantityUnit: '公斤',
    place: '仓库',
    custodianId,
    seizedDate: '2026-04-03',
  };
}

/** A joint action of a relation's unit in its plan (joint-operations). */
function jointOperationBody(rel: Relation, unitId: string) {
  return {
    unitId,
    campaignId: campaignIds[rel],
    kind: 'joint_action',
    title: '授权测试联合执法',
    startDate: '2026-04-03',
    departments: ['police'],
    leadDepartment: 'self',
    content: '联合检查',
    staffDeployed: 6,
  };
}

/** A sample of a relation's unit at its entity (samples); a fail carries its items and opens 下架 and 立案. */
function sampleBody(rel: Relation, result: 'pass' | 'fail') {
  return {
    unitId: tenant.relations[rel].id,
    campaignId: campaignIds[rel],
    categoryCode: 'food',
    entityId: entityIds[rel],
    product: '授权测试月饼',
    sampledDate: '2026-04-03',
    resultDate: '2026-04-10',
    result,
    failedItems: result === 'fail' ? '菌落总数超标' : null,
    followUp: result === 'fail' ? { measures: ['off_shelf', 'case'] } : null,
  };
}

function leadBody(rel: Relation, unitId: string) {
  return {
    unitId,
    campaignId: campaignIds[rel],
    categoryCode: 'food',
    source: 'complaint',
    receivedDate: '2026-04-01',
    partyName: '某店',
    description: '授权测试线索',
    important: false,
    handlerIds: [tenant.unitUsers[rel].id],
  };
}

function inspectionBody(rel: Relation, unitId: string) {
  return {
    unitId,
    campaignId: campaignIds[rel],
    categoryCode: 'food',
    inspectionDate: '2026-04-02',
    staffDeployed: 4,
    vehicles: 1,
    entitiesInspected: 6,
    places: [],
    unlicensedBanned: 0,
    rapidTestBatches: 0,
    rapidTestItems: 0,
    rapidTestFailed: 0,
    samplingBatches: 0,
    samplingItems: 0,
    samplingFailed: 0,
    rectificationOrders: 0,
    inspectorIds: [],
    seizures: [],
    findings: '发现过期食品',
  };
}

function caseBody(rel: Relation, unitId: string, caseNumber: string) {
  return {
    unitId,
    campaignId: campaignIds[rel],
    categoryCode: 'food',
    caseNumber,
    name: '授权测试案件',
    partyKind: 'person',
    partyName: '张某',
    filingDate: '2026-04-01',
    amountInvolved: '0',
    fine: '0',
    confiscated: '0',
    lossesRecovered: '0',
    compensation: '0',
    mediated: false,
    penalized: false,
    otherMeasures: [],
    transferredToJudiciary: false,
    transferredToPolice: false,
    published: false,
    online: false,
    rural: false,
    typical: false,
    filingApproverId: cityLeaderId,
    investigatorId: tenant.unitUsers[rel].id,
  };
}
afterAll(() => t.close());

interface Ctx {
  rel: Relation;
  unitId: string;
  userId: string;
  campaignId: string;
  caseId: string;
  leadId: string;
  inspectionId: string;
  entityId: string;
  drawId: string;
  drawItemId: string;
  n: number;
}
type Expectation = (role: Role, rel: Relation) => number;

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string; // as in the OpenAPI document
  public?: boolean;
  /** Routes whose authorization is tested in another file (they end or change the session). */
  coveredIn?: string;
  /** Target-free routes: the status for each role. Targeted routes: by role and relation. */
  url?: (c: Ctx) => string | Promise<string>;
  body?: (c: Ctx) => Promise<unknown> | unknown;
  /** Upload routes: the file sent as multipart field `file`. */
  upload?: { fileName: string; content: string };
  expect?: Expectation;
  targeted?: boolean;
  /** For lists: the ids of the answer, which must hold own and child and never sibling or parent. */
  visibleIds?: (json: unknown) => string[];
  visibleTargets?: 'units' | 'users' | 'campaigns' | 'cases' | 'leads' | 'inspections' | 'entities' | 'draws';
  /** A check of a 200 answer's content (figures that must not include another unit's): a failure's text, or nothing. */
  inspect?: (json: unknown, c: Ctx, role: Role) => string | undefined;
}

const outside = (rel: Relation) => rel === 'sibling' || rel === 'parent';
/** 404 outside the scope; inside it, `ok` for the allowed roles and 403 for the others. */
const scoped =
  (
    allowed: readonly Role[],
    ok: number,
    overrides: Partial<Record<Relation, Partial<Record<Role, number>>>> = {},
  ): Expectation =>
  (role, rel) =>
    outside(rel) ? 404 : (overrides[rel]?.[role] ?? (allowed.includes(role) ? ok : 403));
const roles =
  (allowed: readonly Role[], ok: number): Expectation =>
  (role) =>
    allowed.includes(role) ? ok : 403;
const everyone =
  (ok: number): Expectation =>
  () =>
    ok;

const unitVersion = async (id: string) => (await t.database.db.select().from(units).where(eq(units.id, id)))[0].version;
const userVersion = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0].version;
const campaignVersion = async (id: string) =>
  (await t.database.db.select().from(campaigns).where(eq(campaigns.id, id)))[0].version;
const caseVersion = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0];
const MANAGERS = ['admin', 'office', 'leader'] as const;
const REGISTRARS = ['admin', 'office', 'handler'] as const;
/** Who registers a case whose filing was approved (登记、补录) directly. */
const CASE_REGISTRARS = ['admin', 'office', 'leader'] as const;
const leadRow = async (id: string) => (await t.database.db.select().from(leads).where(eq(leads.id, id)))[0];
const PLANNERS = ['admin', 'office'] as const;
/** Who sends a case or lead to another organ and records its answers (transfers.policy.ts). */
const TRANSFER_SENDERS = ['admin', 'office', 'leader', 'handler'] as const;
/** Who answers a unit's 整改 (its own people): liaison, office, leader, administrator. */
const UNIT_ANSWERERS = ['admin', 'office', 'liaison', 'leader'] as const;
/** 协查与通报: who sends (and withdraws), who accepts, declines and answers. */
const ASSISTANCE_SENDERS = ['admin', 'office', 'leader', 'handler'] as const;
const ASSISTANCE_RECEIVERS = ['admin', 'office', 'leader'] as const;
/** A list of 协查函 must hold the requests of `want` and none of the other relations. */
const assistanceListProblem = (json: unknown, want: Relation[]) => {
  const ids = (json as { items: { id: string }[] }).items.map((i) => i.id);
  for (const r of RELATIONS)
    if (ids.includes(assistanceIds[r].id) !== want.includes(r))
      return `${r}'s request ${want.includes(r) ? 'missing' : 'leaked'}`;
  return undefined;
};
const NOBODY = Object.fromEntries(ROLES.map((r) => [r, 403])) as Record<Role, number>;
/** The city organises the supervision of its plan: the district's office is not its office. */
const NOT_ORGANIZER = { admin: 403, office: 403 };
/** The city's plan is the city's to supervise: every role of the district is refused. */
const ALL_403 = Object.fromEntries(ROLES.map((r) => [r, 403])) as Record<Role, number>;
/** A draft of the city's 简报 does not exist for the district's people. */
const DRAFT_HIDDEN = Object.fromEntries(ROLES.map((r) => [r, 404])) as Record<Role, number>;
/** Seen (the district takes part in the city's plan) but organised above: nobody of the district may act. */
const NOT_OURS = Object.fromEntries(ROLES.map((r) => [r, 403])) as Record<Role, number>;
/** The March report of the office in the district's own plan, of the district in the others (the city's plan); a plan's edit renews its schedules' ids. */
const reportKey = async (c: Ctx) => {
  const [row] = await t.database.db
    .select({ schedules: campaigns.reportSchedules })
    .from(campaigns)
    .where(eq(campaigns.id, c.campaignId));
  return `scheduleId=${row.schedules[0]?.id ?? scheduleIds.get(c.campaignId)}&periodEnd=2026-03-31&unitId=${c.rel === 'own' ? tenant.units.office.id : tenant.units.district.id}`;
};
/**
 * A file on the report of reportKey: March's (sent, open to changes) or April's (accepted: locked),
 * made on first use under the plan's current schedule (an edit of the plan renews its id).
 */
const reportFiles = new Map<string, string>();
const reportFile = async (c: Ctx, report: 'open' | 'locked') => {
  const key = new URLSearchParams(await reportKey(c));
  const memo = `${c.campaignId}|${key.get('scheduleId')}|${report}`;
  if (!reportFiles.has(memo)) {
    const periodEnd = report === 'open' ? '2026-03-31' : '2026-04-30';
    const of = { campaignId: c.campaignId, scheduleId: key.get('scheduleId')!, periodEnd, unitId: key.get('unitId')! };
    if (report === 'locked')
      await createReportsRepository().insert(t.database.db, {
        ...of,
        periodStart: '2026-01-01',
        dueDate: '2026-05-02',
        status: 'accepted',
        late: false,
        submittedAt: new Date(),
        submittedBy: cityLeaderId,
        narrative: { statistics: '', keyCases: '', practices: '', problems: '', nextSteps: '' },
        figures: [],
      });
    const file = await createReportAttachmentsRepository().insert(t.database.db, {
      ...of,
      fileName: '授权测试.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 9,
      sha256: '0'.repeat(64),
      content: Buffer.from('%PDF-1.7\n'),
      uploadedBy: cityLeaderId,
      uploadedByName: '测试',
    });
    reportFiles.set(memo, file.id);
  }
  return reportFiles.get(memo)!;
};
/** The first task of a campaign and its 牵头 unit, as a cell's query (taskId, unitId). */
const taskProgressCell = async (c: Ctx) => {
  const [row] = await t.database.db
    .select({ taskId: campaignTasks.id, unitId: campaignTaskUnits.unitId })
    .from(campaignTasks)
    .innerJoin(campaignTaskUnits, eq(campaignTaskUnits.taskId, campaignTasks.id))
    .where(eq(campaignTasks.campaignId, c.campaignId))
    .orderBy(campaignTasks.seq);
  return `taskId=${row.taskId}&unitId=${row.unitId}`;
};
const inspectionRow = async (id: string) =>
  (await t.database.db.select().from(inspections).where(eq(inspections.id, id)))[0];

const CASES: RouteCase[] = [
  { method: 'GET', path: '/api/health', public: true, url: () => '/api/health', expect: everyone(200) },
  { method: 'GET', path: '/api/health/live', public: true, url: () => '/api/health/live', expect: everyone(200) },
  { method: 'GET', path: '/api/health/ready', public: true, url: () => '/api/health/ready', expect: everyone(200) },
  { method: 'POST', path: '/api/auth/login', public: true, coveredIn: 'test/auth.test.ts' },
  { method: 'POST', path: '/api/auth/logout', coveredIn: 'test/auth.test.ts' },
  { method: 'POST', path: '/api/auth/password', coveredIn: 'test/auth.test.ts' },
  { method: 'GET', path: '/api/auth/me', url: () => '/api/auth/me', expect: everyone(200) },

  {
    method: 'GET',
    path: '/api/units',
    url: () => '/api/units?includeInactive=true',
    expect: everyone(200),
    visibleTargets: 'units',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((u) => u.id),
  },
  {
    method: 'GET',
    path: '/api/units/{id}',
    targeted: true,
    url: (c) => `/api/units/${c.unitId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/units',
    targeted: true,
    url: () => '/api/units',
    body: (c) => ({ parentId: c.unitId, name: `新单位${c.n}`, code: `AZ-${tenant.tag}-${c.n}`, kind: 'office' }),
    // A 市场监管所 cannot have units below it: the admin gets the rule's 400 for the child.
    expect: scoped(['admin'], 201, { child: { admin: 400 } }),
  },
  {
    method: 'PATCH',
    path: '/api/units/{id}',
    targeted: true,
    url: (c) => `/api/units/${c.unitId}`,
    body: async (c) => ({ version: await unitVersion(c.unitId), name: `改名${c.n}` }),
    expect: scoped(['admin'], 200),
  },
  {
    method: 'POST',
    path: '/api/units/{id}/move',
    targeted: true,
    url: (c) => `/api/units/${c.unitId}/move`,
    body: async (c) => ({ version: await unitVersion(c.unitId), parentId: tenant.units.district.id }),
    // Moving one's own unit would take it out of one's scope.
    expect: scoped(['admin'], 200, { own: { admin: 403 } }),
  },
  {
    method: 'POST',
    path: '/api/units/{id}/active',
    targeted: true,
    url: (c) => `/api/units/${c.unitId}/active`,
    body: async (c) => ({ version: await unitVersion(c.unitId), active: true }),
    expect: scoped(['admin'], 200, { own: { admin: 403 } }),
  },

  {
    method: 'GET',
    path: '/api/users',
    url: () => '/api/users?pageSize=200',
    expect: roles(MANAGERS, 200),
    visibleTargets: 'users',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((u) => u.id),
  },
  {
    method: 'GET',
    path: '/api/users/{id}',
    targeted: true,
    url: (c) => `/api/users/${c.userId}`,
    expect: scoped(MANAGERS, 200),
  },
  {
    method: 'POST',
    path: '/api/users',
    targeted: true,
    url: () => '/api/users',
    body: (c) => ({
      username: `nu_${tenant.tag}_${c.n}`,
      password: 'Kestrel2026x',
      displayName: '新用户',
      unitId: c.unitId,
      roles: ['liaison'],
    }),
    expect: scoped(['admin'], 201),
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    targeted: true,
    url: (c) => `/api/users/${c.userId}`,
    body: async (c) => ({ version: await userVersion(c.userId), displayName: `改名${c.n}` }),
    expect: scoped(['admin'], 200),
  },
  {
    method: 'POST',
    path: '/api/users/{id}/reset-password',
    targeted: true,
    url: (c) => `/api/users/${c.userId}/reset-password`,
    body: () => ({ password: 'Resetpass123' }),
    expect: scoped(['admin'], 204),
  },

  {
    method: 'GET',
    path: '/api/campaigns',
    url: () => '/api/campaigns?pageSize=200',
    expect: everyone(200),
    visibleTargets: 'campaigns',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((c) => c.id),
  },
  { method: 'GET', path: '/api/campaign-templates', url: () => '/api/campaign-templates', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/campaigns',
    targeted: true,
    url: () => '/api/campaigns',
    body: (c) => ({ ...samplePlan({ leadUnitId: c.unitId, participantUnitIds: [c.unitId] }), unitId: c.unitId }),
    // Only a bureau issues plans: a planner choosing a 所 gets the rule's 400.
    expect: scoped(PLANNERS, 201, { child: { admin: 400, office: 400 } }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/from-template',
    targeted: true,
    url: () => '/api/campaigns/from-template',
    body: (c) => ({ template: 'tiequan-2021', unitId: c.unitId }),
    expect: scoped(PLANNERS, 201, { child: { admin: 400, office: 400 } }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/campaigns/{id}',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}`,
    body: async (c) => ({
      ...samplePlan({
        leadUnitId: tenant.relations[c.rel === 'child' ? 'parent' : c.rel].id,
        participantUnitIds: c.rel === 'own' ? [tenant.units.district.id, tenant.units.office.id] : [],
      }),
      version: await campaignVersion(c.campaignId),
    }),
    // A superior's plan is read-only to the district taking part in it.
    expect: scoped(PLANNERS, 200, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/copy',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/copy`,
    expect: scoped(PLANNERS, 201, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/status',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/status`,
    body: async (c) => ({ version: await campaignVersion(c.campaignId), status: 'draft' }),
    expect: scoped(PLANNERS, 200, { child: { admin: 403, office: 403 } }),
  },
  {
    // 发布 (签发): the office asks, a 局领导 of the issuing unit signs himself; a stale version is
    // refused (409) only after who may act was decided, so nothing is published or asked here.
    method: 'POST',
    path: '/api/campaigns/{id}/status',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/status`,
    body: async (c) => ({ version: (await campaignVersion(c.campaignId)) + 100, status: 'active' }),
    expect: scoped([...PLANNERS, 'leader'], 409, { child: { admin: 403, office: 403, leader: 403 } }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/implementations',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/implementations`,
    body: () => ({ unitId: tenant.units.district.id }),
    // The district derives its plan from the city's once (the admin, first in role order, does it;
    // the office then hears it exists); it cannot derive from its own plan.
    expect: scoped([], 403, { child: { admin: 201, office: 400 } }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/liaisons',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/liaisons`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/campaigns/{id}/liaisons/{unitId}',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/liaisons/${tenant.units.district.id}`,
    body: () => ({
      leader: { name: '王五', position: '副局长' },
      liaison: { name: '赵六', position: '科员', mobile: '13800138000' },
    }),
    expect: scoped(['admin', 'office', 'liaison'], 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/liaisons.xlsx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/liaisons.xlsx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/plan.docx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/plan.docx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/task-matrix.xlsx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/task-matrix.xlsx`,
    expect: scoped(ROLES, 200),
  },

  {
    method: 'GET',
    path: '/api/cases/{id}/attachments',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/attachments`,
    expect: scoped(ROLES, 200),
  },
  {
    // A file with a forged type: who may attach is answered first (403), then the file (400).
    method: 'POST',
    path: '/api/cases/{id}/attachments',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/attachments`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(REGISTRARS, 400),
  },
  {
    method: 'GET',
    path: '/api/cases/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(ROLES, 404),
  },
  {
    method: 'DELETE',
    path: '/api/cases/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(REGISTRARS, 404),
  },
  { method: 'GET', path: '/api/cases.xlsx', url: () => '/api/cases.xlsx', expect: everyone(200) },
  // The next automatic case number of a unit in scope (a preview for the form): everyone who sees the unit.
  {
    method: 'GET',
    path: '/api/cases/next-number',
    targeted: true,
    url: (c) => `/api/cases/next-number?unitId=${c.unitId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/cases/{id}/typical-case.docx',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/typical-case.docx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/cases',
    url: () => '/api/cases?pageSize=200',
    expect: everyone(200),
    visibleTargets: 'cases',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((c) => c.id),
  },
  {
    method: 'GET',
    path: '/api/cases/{id}',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/cases',
    targeted: true,
    url: () => '/api/cases',
    body: (c) => caseBody(c.rel, c.unitId, `AZ-${tenant.tag}-${c.n}`),
    // A unit outside the scope is a bad field of the form (named in the answer), for every role.
    // 登记 of a case already approved: the office, the leader, administrators (a handler asks, 立案审批).
    expect: (role, rel) => (outside(rel) ? 400 : (CASE_REGISTRARS as readonly Role[]).includes(role) ? 201 : 403),
  },
  {
    method: 'POST',
    path: '/api/cases/filing-requests',
    targeted: true,
    url: () => '/api/cases/filing-requests',
    body: (c) => caseBody(c.rel, c.unitId, `AZR-${tenant.tag}-${c.n}`),
    // 立案申请: the registrars ask (the city's leader named to approve); outside the scope a bad field.
    expect: (role, rel) => (outside(rel) ? 400 : (REGISTRARS as readonly Role[]).includes(role) ? 201 : 403),
  },
  {
    method: 'PUT',
    path: '/api/cases/{id}',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}`,
    body: async (c) => {
      const row = await caseVersion(c.caseId);
      return row ? { ...caseInputOf(row), name: `改名${c.n}`, version: row.version } : {};
    },
    expect: scoped(REGISTRARS, 200),
  },
  {
    // "filed" is never a next stage: who may move the case is decided first (403), then the stage (400).
    method: 'POST',
    path: '/api/cases/{id}/stage',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/stage`,
    body: async (c) => ({ to: 'filed', version: (await caseVersion(c.caseId))?.version ?? 1 }),
    expect: scoped(REGISTRARS, 400),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/clock',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/clock`,
    body: async (c) => ({
      kind: 'resume',
      toDate: '2026-05-01',
      reason: '无中止',
      version: (await caseVersion(c.caseId))?.version ?? 1,
    }),
    expect: scoped([...REGISTRARS, 'leader'], 400),
  },

  {
    method: 'GET',
    path: '/api/leads',
    url: () => '/api/leads?pageSize=200',
    expect: everyone(200),
    visibleTargets: 'leads',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((c) => c.id),
  },
  {
    method: 'GET',
    path: '/api/leads/{id}',
    targeted: true,
    url: (c) => `/api/leads/${c.leadId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/leads',
    targeted: true,
    url: () => '/api/leads',
    body: (c) => leadBody(c.rel, c.unitId),
    expect: (role, rel) => (outside(rel) ? 400 : (REGISTRARS as readonly Role[]).includes(role) ? 201 : 403),
  },
  {
    method: 'PUT',
    path: '/api/leads/{id}',
    targeted: true,
    url: (c) => `/api/leads/${c.leadId}`,
    body: async (c) => ({
      ...leadBody(c.rel, c.unitId),
      partyName: `改名${c.n}`,
      version: (await leadRow(c.leadId))?.version ?? 1,
    }),
    expect: scoped(REGISTRARS, 200),
  },
  {
    // 指定经办人: only the office or leader of the handling bureau (the district, also for its 所's lead), never a bureau above it.
    // The 所's handler works below the district's lead and could not open it: the district's lead gets a district handler.
    method: 'PUT',
    path: '/api/leads/{id}/handlers',
    targeted: true,
    url: (c) => `/api/leads/${c.leadId}/handlers`,
    body: async (c) => ({ handlerIds: [tenant.unitUsers[c.rel].id], version: (await leadRow(c.leadId))?.version ?? 1 }),
    expect: scoped(['office', 'leader'], 200),
  },
  {
    // A decision dated before the lead was received: who may decide is answered first (403), then the date (400).
    method: 'POST',
    path: '/api/leads/{id}/decision',
    targeted: true,
    url: (c) => `/api/leads/${c.leadId}/decision`,
    body: async (c) => ({
      outcome: 'not_file',
      decidedDate: '2026-01-01',
      note: '测试',
      version: (await leadRow(c.leadId))?.version ?? 1,
    }),
    expect: scoped(REGISTRARS, 400),
  },
  {
    method: 'POST',
    path: '/api/leads/{id}/clock',
    targeted: true,
    url: (c) => `/api/leads/${c.leadId}/clock`,
    body: async (c) => ({
      kind: 'resume',
      toDate: '2026-05-01',
      reason: '无中止',
      version: (await leadRow(c.leadId))?.version ?? 1,
    }),
    expect: scoped(REGISTRARS, 400),
  },
  {
    // 延期: a registrar asks (申请延期), a 局领导 extends himself; a stale version is refused (409)
    // only after who may act was decided, so nothing is asked or extended here.
    method: 'POST',
    path: '/api/leads/{id}/clock',
    targeted: true,
    url: (c) => `/api/leads/${c.leadId}/clock`,
    body: async (c) => ({
      kind: 'extend',
      reason: '案情复杂',
      version: ((await leadRow(c.leadId))?.version ?? 1) + 100,
    }),
    expect: scoped([...REGISTRARS, 'leader'], 409),
  },
  {
    // A file with the header only: who may import is answered first (403), then the empty file (422).
    method: 'POST',
    path: '/api/campaigns/{id}/cases/import',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/cases/import`,
    upload: {
      fileName: 'empty.csv',
      content:
        '案件编号,承办单位,违法类型,案件名称,当事人,立案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法\n',
    },
    expect: scoped(REGISTRARS, 422),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/leads/import',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/leads/import`,
    upload: { fileName: 'empty.csv', content: '登记日期,承办单位,违法类型,被投诉举报对象,诉求内容\n' },
    expect: scoped(REGISTRARS, 422),
  },
  {
    method: 'GET',
    path: '/api/inspections',
    url: () => '/api/inspections?pageSize=200',
    expect: everyone(200),
    visibleTargets: 'inspections',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((c) => c.id),
  },
  { method: 'GET', path: '/api/inspections/totals', url: () => '/api/inspections/totals', expect: everyone(200) },
  { method: 'GET', path: '/api/inspections/options', url: () => '/api/inspections/options', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/inspections/{id}',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/inspections',
    targeted: true,
    url: () => '/api/inspections',
    body: (c) => inspectionBody(c.rel, c.unitId),
    expect: (role, rel) => (outside(rel) ? 400 : (REGISTRARS as readonly Role[]).includes(role) ? 201 : 403),
  },
  {
    method: 'PUT',
    path: '/api/inspections/{id}',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}`,
    body: async (c) => ({
      ...inspectionBody(c.rel, c.unitId),
      staffDeployed: 5,
      version: (await inspectionRow(c.inspectionId))?.version ?? 1,
    }),
    expect: scoped(REGISTRARS, 200),
  },
  {
    // An empty party: who may open a lead is answered first (403), then the field (400).
    method: 'POST',
    path: '/api/inspections/{id}/lead',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/lead`,
    body: async (c) => ({ partyName: ' ', version: (await inspectionRow(c.inspectionId))?.version ?? 1 }),
    expect: (role, rel) => (outside(rel) ? 400 : 400),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/inspections/import',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/inspections/import`,
    upload: { fileName: 'empty.csv', content: '检查日期,检查单位,违法类型,出动人次,检查家次\n' },
    expect: scoped(REGISTRARS, 422),
  },
  {
    method: 'GET',
    path: '/api/market-entities',
    url: () => '/api/market-entities?pageSize=200',
    expect: everyone(200),
    visibleTargets: 'entities',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((c) => c.id),
  },
  {
    method: 'POST',
    path: '/api/market-entities/import',
    url: () => '/api/market-entities/import',
    upload: { fileName: 'empty.csv', content: '名称,统一社会信用代码,管辖单位\n' },
    expect: roles(MANAGERS, 422),
  },
  {
    method: 'POST',
    path: '/api/market-entities/{id}/ties',
    targeted: true,
    url: (c) => `/api/market-entities/${c.entityId}/ties`,
    body: (c) => ({ userId: tenant.unitUsers[c.rel].id, reason: '亲属关系' }),
    expect: scoped(PLANNERS, 201),
  },
  {
    method: 'GET',
    path: '/api/random-draws',
    url: () => '/api/random-draws',
    expect: everyone(200),
    visibleTargets: 'draws',
    visibleIds: (j) => (j as { items: { id: string }[] }).items.map((c) => c.id),
  },
  {
    // The district holds two entities and three officers: a draw of one works; the office below has one officer only (400).
    method: 'POST',
    path: '/api/random-draws',
    targeted: true,
    url: () => '/api/random-draws',
    body: (c) => ({ unitId: c.unitId, name: '授权测试抽查', count: 1 }),
    expect: scoped(PLANNERS, 201, { child: { admin: 400, office: 400 } }),
  },
  {
    method: 'GET',
    path: '/api/random-draws/{id}',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/random-draws/{id}/verify',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/verify`,
    expect: scoped(ROLES, 200),
  },
  // The fixture draws are already replaced: who may act is answered first (403), then the state (409).
  {
    method: 'POST',
    path: '/api/random-draws/{id}/redraw',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/redraw`,
    body: () => ({ reason: '测试' }),
    expect: scoped(PLANNERS, 409),
  },
  {
    method: 'POST',
    path: '/api/random-draws/{id}/items/{itemId}/result',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/items/${c.drawItemId}/result`,
    body: () => ({ checkDate: '2026-05-01', result: 'no_problem', version: 1 }),
    expect: scoped(PLANNERS, 409),
  },
  {
    method: 'POST',
    path: '/api/random-draws/{id}/publish',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/publish`,
    expect: scoped(PLANNERS, 200),
  },
  {
    // In the city's plan ("child") the district counts its own draw only, never the sibling district's.
    method: 'GET',
    path: '/api/campaigns/{id}/random-checks',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/random-checks`,
    expect: scoped(ROLES, 200),
    inspect: (j, c) => {
      const k = j as { drawn: number; completed: number; published: number; inspectedEntities: number };
      const want = c.rel === 'child' ? 1 : 0;
      return [k.drawn, k.completed, k.published, k.inspectedEntities].every((v) => v === want)
        ? undefined
        : `figures ${JSON.stringify(k)} (want ${want} each)`;
    },
  },
  {
    method: 'GET',
    path: '/api/people',
    targeted: true,
    url: (c) => `/api/people?unitId=${c.unitId}&role=leader`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stats',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stats`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stats/records',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stats/records?metric=casesFiled`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/dashboards/trend',
    targeted: true,
    url: (c) => `/api/dashboards/trend?campaignId=${c.campaignId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/dashboards/categories',
    targeted: true,
    url: (c) => `/api/dashboards/categories?campaignId=${c.campaignId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/dashboards/units',
    targeted: true,
    url: (c) => `/api/dashboards/units?campaignId=${c.campaignId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/dashboards/clocks',
    targeted: true,
    url: (c) => `/api/dashboards/clocks?campaignId=${c.campaignId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/command-screen',
    targeted: true,
    url: (c) => `/api/command-screen?campaignId=${c.campaignId}`,
    expect: scoped(ROLES, 200),
  },
  { method: 'GET', path: '/api/stat-templates', url: () => '/api/stat-templates', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stat-table',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stat-table?template=festival-weekly`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stat-table.xlsx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stat-table.xlsx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stat-table/by-unit',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stat-table/by-unit?template=festival-weekly`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stat-table/by-unit.xlsx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stat-table/by-unit.xlsx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/divisions/boundaries',
    url: () => '/api/divisions/boundaries?codes=310151',
    expect: everyone(200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/manual-figures',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/manual-figures`,
    body: () => ({
      unitId: tenant.units.district.id,
      categoryCode: 'food',
      columnKey: 'dens',
      day: '2026-04-01',
      value: '1',
      reason: '授权测试',
    }),
    expect: scoped(['admin', 'office', 'liaison', 'handler'], 201),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/manual-figures',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/manual-figures`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/stats.xlsx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/stats.xlsx`,
    expect: scoped(ROLES, 200),
  },
  // 督查: the office and leaders of the plan's issuing unit form groups and rounds (the district its own
  // plan; the city's plan is the city's: 403 to the district); everyone who sees the plan reads them.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/supervision-groups',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/supervision-groups`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/supervision-groups',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/supervision-groups`,
    body: (c) => ({ name: `授权测试第${c.n}组`, leaderId: c.userId, memberIds: [] }),
    expect: scoped(MANAGERS, 201, { child: ALL_403 }),
  },
  {
    method: 'PUT',
    path: '/api/supervision-groups/{id}',
    targeted: true,
    url: (c) => `/api/supervision-groups/${supervisionChain[c.rel].groupId}`,
    body: (c) => ({ name: '改', leaderId: c.userId, memberIds: [], version: 9999 }),
    expect: scoped(MANAGERS, 409, { child: ALL_403 }),
  },
  {
    method: 'DELETE',
    path: '/api/supervision-groups/{id}',
    targeted: true,
    url: (c) => `/api/supervision-groups/${supervisionChain[c.rel].groupId}?version=9999`,
    expect: scoped(MANAGERS, 409, { child: ALL_403 }),
  },
  {
    method: 'PUT',
    path: '/api/supervision-groups/{id}/area',
    targeted: true,
    url: (c) => `/api/supervision-groups/${supervisionChain[c.rel].groupId}/area`,
    body: (c) => ({ unitIds: [c.unitId], version: 9999 }),
    expect: scoped(MANAGERS, 409, { child: ALL_403 }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/supervision-areas.xlsx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/supervision-areas.xlsx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/supervision-rounds',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/supervision-rounds`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/supervision-rounds',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/supervision-rounds`,
    body: (c) => ({ number: 10 + (c.n % 980), title: '授权测试轮次', startDate: '2026-04-01', endDate: '2026-04-30' }),
    expect: scoped(MANAGERS, 201, { child: ALL_403 }),
  },
  {
    method: 'GET',
    path: '/api/supervision-rounds/{id}',
    targeted: true,
    url: (c) => `/api/supervision-rounds/${supervisionChain[c.rel].roundId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/supervision-rounds/{id}',
    targeted: true,
    url: (c) => `/api/supervision-rounds/${supervisionChain[c.rel].roundId}`,
    body: () => ({ number: 1, title: '改', startDate: '2026-04-01', endDate: '2026-04-30', version: 9999 }),
    expect: scoped(MANAGERS, 409, { child: ALL_403 }),
  },
  {
    method: 'DELETE',
    path: '/api/supervision-rounds/{id}',
    targeted: true,
    url: (c) => `/api/supervision-rounds/${supervisionChain[c.rel].roundId}?version=9999`,
    expect: scoped(MANAGERS, 409, { child: ALL_403 }),
  },
  {
    method: 'POST',
    path: '/api/supervision-rounds/{id}/draws',
    targeted: true,
    url: (c) => `/api/supervision-rounds/${supervisionChain[c.rel].roundId}/draws`,
    body: (c) => ({ groupId: supervisionChain[c.rel].groupId, count: 1 }),
    expect: scoped(MANAGERS, 201, { child: ALL_403 }),
  },
  {
    method: 'GET',
    path: '/api/supervision-draws/{id}/verify',
    targeted: true,
    url: (c) => `/api/supervision-draws/${supervisionChain[c.rel].drawId}/verify`,
    expect: scoped(ROLES, 200),
  },
  // 督查记录: the visited unit's line reads them (the office of the district in the city's plan too);
  // the group and the organiser's office and leaders record them.
  { method: 'GET', path: '/api/supervision-visits', url: () => '/api/supervision-visits', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/supervision-visits',
    targeted: true,
    url: () => '/api/supervision-visits',
    body: (c) => ({
      roundId: supervisionChain[c.rel].roundId,
      groupId: supervisionChain[c.rel].groupId,
      unitId: c.unitId,
      visitDate: '2026-04-02',
      method: 'key_spot_check',
      checkedItems: '授权测试',
    }),
    // Round and group of a plan the caller cannot see are answered as bad input (400), not as a leak.
    expect: (role, rel) =>
      outside(rel) ? 400 : rel === 'child' ? 403 : (MANAGERS as readonly Role[]).includes(role) ? 201 : 403,
  },
  {
    method: 'GET',
    path: '/api/supervision-visits/{id}',
    targeted: true,
    url: (c) => `/api/supervision-visits/${supervisionChain[c.rel].visitId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/supervision-visits/{id}',
    targeted: true,
    url: (c) => `/api/supervision-visits/${supervisionChain[c.rel].visitId}`,
    body: (c) => ({
      unitId: c.unitId,
      visitDate: '2026-04-02',
      method: 'comprehensive',
      checkedItems: '改',
      version: 9999,
    }),
    expect: scoped(MANAGERS, 409, { child: ALL_403 }),
  },
  // 任务进展: read by whoever sees the plan (cells of units in the caller's scope: the city's plan's
  // tasks are led by the city, so its cells are not the district's); 进展情况 by the unit's own people.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/task-progress',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/task-progress`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/task-progress/cell',
    targeted: true,
    url: async (c) => `/api/campaigns/${c.campaignId}/task-progress/cell?${await taskProgressCell(c)}`,
    expect: (_role, rel) => (rel === 'own' ? 200 : 404),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/task-progress/notes',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/task-progress/notes`,
    body: async (c) => ({
      ...Object.fromEntries(new URLSearchParams(await taskProgressCell(c))),
      noteDate: '2026-04-01',
      text: '授权测试进展',
    }),
    expect: (role, rel) => (rel === 'own' ? ((UNIT_ANSWERERS as readonly Role[]).includes(role) ? 201 : 403) : 404),
  },
  { method: 'GET', path: '/api/supervision/my-groups', url: () => '/api/supervision/my-groups', expect: everyone(200) },
  // 工作简报 / 总结: reading only (a draft from the figures, and the edited text as .docx), like the table it quotes.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/briefing-draft',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/briefing-draft?kind=briefing`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/briefing.docx',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/briefing.docx`,
    body: (c) => ({
      kind: 'briefing',
      unitId: c.unitId,
      title: '授权测试简报',
      issue: '第1期',
      date: '2026-05-02',
      paragraphs: ['正文。'],
    }),
    expect: scoped(ROLES, 200),
  },
  // Stored 简报: the office of the issuing unit writes; an issued one is read by the units below that
  // take part (the district in the city's plan); a draft is its office's alone (404 to the district in the city's).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/briefings',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/briefings`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/briefings',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/briefings`,
    body: (c) => ({
      kind: 'briefing',
      unitId: c.unitId,
      title: '授权测试简报',
      date: '2026-05-06',
      from: '2026-03-01',
      to: '2026-04-30',
      paragraphs: ['正文。'],
    }),
    expect: scoped(PLANNERS, 201),
  },
  {
    method: 'GET',
    path: '/api/briefings/{id}',
    targeted: true,
    url: (c) => `/api/briefings/${briefingIds[c.rel].issued}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/briefings/{id}/document.docx',
    targeted: true,
    url: (c) => `/api/briefings/${briefingIds[c.rel].issued}/document.docx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/briefings/{id}',
    targeted: true,
    url: (c) => `/api/briefings/${briefingIds[c.rel].draft}`,
    body: () => ({
      title: '改',
      date: '2026-05-06',
      from: '2026-03-01',
      to: '2026-04-30',
      paragraphs: ['x'],
      version: 9999,
    }),
    expect: scoped(PLANNERS, 409, { child: DRAFT_HIDDEN }),
  },
  {
    method: 'POST',
    path: '/api/briefings/{id}/issue',
    targeted: true,
    url: (c) => `/api/briefings/${briefingIds[c.rel].draft}/issue`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: DRAFT_HIDDEN }),
  },
  // 信息报送: the office reports in the district's plan, the district in the city's; a stale version shows who passed the policy (409) and who not (403).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/reports/board',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/reports/board`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/reports/item',
    targeted: true,
    url: async (c) => `/api/campaigns/${c.campaignId}/reports/item?${await reportKey(c)}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/reports/item',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/reports/item`,
    body: async (c) => ({
      ...Object.fromEntries(new URLSearchParams(await reportKey(c))),
      narrative: {},
      version: 9999,
      // 代报 chosen: an office or administrator not of the reporting unit passes the policy to the version check.
      onBehalf: true,
    }),
    expect: scoped(['admin', 'office', 'liaison'], 409),
  },
  {
    // 汇总报表 of the March period: read by the plan's office only (the district's office is not the city's).
    method: 'GET',
    path: '/api/campaigns/{id}/reports/consolidated',
    targeted: true,
    url: async (c) => `/api/campaigns/${c.campaignId}/reports/consolidated?${await reportKey(c)}`,
    expect: scoped(PLANNERS, 200, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/reports/consolidated.xlsx',
    targeted: true,
    url: async (c) => `/api/campaigns/${c.campaignId}/reports/consolidated.xlsx?${await reportKey(c)}`,
    expect: scoped(PLANNERS, 200, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'POST',
    path: '/api/report-submissions/{id}/review',
    targeted: true,
    url: (c) => `/api/report-submissions/${submissionIds[c.rel]}/review`,
    body: () => ({ decision: 'accept', version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: { admin: 403, office: 403 } }),
  },
  {
    // 催报 the March report of each plan's reporter, already submitted: who may chase is answered first (403), then the state (400).
    method: 'POST',
    path: '/api/campaigns/{id}/reports/chase',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/reports/chase`,
    body: async (c) => Object.fromEntries(new URLSearchParams(await reportKey(c))),
    expect: scoped(PLANNERS, 400, { child: { admin: 403, office: 403 } }),
  },
  // 报表附件: read by whoever sees the report; added and removed by whoever may submit it, until it is accepted.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/reports/attachments',
    targeted: true,
    url: async (c) => `/api/campaigns/${c.campaignId}/reports/attachments?${await reportKey(c)}`,
    expect: scoped(ROLES, 200),
  },
  {
    // A file with a forged type: who may attach is answered first (403), then the file (400).
    method: 'POST',
    path: '/api/campaigns/{id}/reports/attachments',
    targeted: true,
    url: async (c) => `/api/campaigns/${c.campaignId}/reports/attachments?${await reportKey(c)}`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(['admin', 'office', 'liaison'], 400),
  },
  {
    method: 'GET',
    path: '/api/report-attachments/{attachmentId}',
    targeted: true,
    url: async (c) => `/api/report-attachments/${await reportFile(c, 'open')}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/report-attachments/{attachmentId}/content',
    targeted: true,
    url: async (c) => `/api/report-attachments/${await reportFile(c, 'open')}/content`,
    expect: scoped(ROLES, 200),
  },
  {
    // A file of an accepted report: who may remove is answered first (403), then the lock (409).
    method: 'DELETE',
    path: '/api/report-attachments/{attachmentId}',
    targeted: true,
    url: async (c) => `/api/report-attachments/${await reportFile(c, 'locked')}`,
    expect: scoped(['admin', 'office', 'liaison'], 409),
  },
  { method: 'GET', path: '/api/reports/reminders', url: () => '/api/reports/reminders', expect: everyone(200) },
  // Display preferences are personal: the session's own, there is no way to name another person.
  {
    method: 'GET',
    path: '/api/me/preferences/{key}',
    url: () => '/api/me/preferences/table.cases',
    expect: everyone(200),
  },
  {
    method: 'PUT',
    path: '/api/me/preferences/{key}',
    url: () => '/api/me/preferences/table.cases',
    body: () => ({ value: { hidden: ['party'], density: 'small' } }),
    expect: everyone(200),
  },
  // Notifications are personal: everyone reads and marks only their own (others' ids are ignored).
  { method: 'GET', path: '/api/notifications', url: () => '/api/notifications', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/notifications/read',
    url: () => '/api/notifications/read',
    body: () => ({ all: true }),
    expect: everyone(200),
  },
  // 邮件发送失败: the administrators see those of their units' people and send them again (no SMTP
  // in this app: 409 once in scope and allowed).
  {
    method: 'GET',
    path: '/api/notifications/email-failures',
    url: () => '/api/notifications/email-failures?pageSize=200',
    expect: roles(['admin'], 200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      if (ids.includes(failedEmailIds.sibling) || ids.includes(failedEmailIds.parent))
        return 'a failure outside leaked';
      return ids.includes(failedEmailIds.own) && ids.includes(failedEmailIds.child)
        ? undefined
        : 'a failure is missing';
    },
  },
  {
    method: 'POST',
    path: '/api/notifications/email-failures/{id}/retry',
    targeted: true,
    url: (c) => `/api/notifications/email-failures/${failedEmailIds[c.rel]}/retry`,
    expect: scoped(['admin'], 409),
  },
  // 案卷评查: the organiser's office keeps its sheet, organises, draws and assigns; a unit taking part (the district in
  // the city's plan) reads the exercise, the sheet and the ranking; only the assigned reviewer scores.
  {
    method: 'GET',
    path: '/api/units/{id}/case-review-sheet',
    targeted: true,
    url: (c) => `/api/units/${c.unitId}/case-review-sheet`,
    expect: (_role, rel) => (rel === 'sibling' ? 404 : 200),
  },
  {
    method: 'PUT',
    path: '/api/units/{id}/case-review-sheet',
    targeted: true,
    url: (c) => `/api/units/${c.unitId}/case-review-sheet`,
    body: () => ({ name: '授权测试评查表', items: DEFAULT_SHEET_ITEMS, version: 9999 }),
    expect: (role, rel) =>
      rel === 'sibling' ? 404 : rel === 'parent' ? 403 : (PLANNERS as readonly Role[]).includes(role) ? 409 : 403,
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/case-review-exercises',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/case-review-exercises`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/case-review-exercises',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/case-review-exercises`,
    body: (c) => ({
      organizerUnitId: c.unitId,
      title: '授权测试评查',
      startDate: '2026-04-01',
      endDate: '2026-04-30',
      filesPerUnit: 1,
    }),
    expect: scoped(PLANNERS, 201),
  },
  {
    method: 'GET',
    path: '/api/case-review-exercises/{id}',
    targeted: true,
    url: (c) => `/api/case-review-exercises/${reviewIds[c.rel].exercise}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/case-review-exercises/{id}/scores.xlsx',
    targeted: true,
    url: (c) => `/api/case-review-exercises/${reviewIds[c.rel].exercise}/scores.xlsx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/case-review-exercises/{id}/draw/verify',
    targeted: true,
    url: (c) => `/api/case-review-exercises/${reviewIds[c.rel].exercise}/draw/verify`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/case-review-exercises/{id}/draw',
    targeted: true,
    url: (c) => `/api/case-review-exercises/${reviewIds[c.rel].exercise}/draw`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: NOT_OURS }),
  },
  {
    method: 'PUT',
    path: '/api/case-review-files/{id}/reviewer',
    targeted: true,
    url: (c) => `/api/case-review-files/${reviewIds[c.rel].file}/reviewer`,
    body: () => ({ reviewerId: tenant.unitUsers.own.id, version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: NOT_OURS }),
  },
  {
    method: 'PUT',
    path: '/api/case-review-files/{id}/scores',
    targeted: true,
    url: (c) => `/api/case-review-files/${reviewIds[c.rel].file}/scores`,
    body: () => ({ scores: [], submit: false, version: 9999 }),
    // The assigned reviewer passes the policy and is refused the empty scores (400).
    expect: scoped(['reviewer'], 400, { child: NOT_OURS }),
  },
  {
    method: 'GET',
    path: '/api/case-review-files/mine',
    url: () => '/api/case-review-files/mine',
    expect: everyone(200),
  },
  // 督查通报: like the 简报, the organiser's office drafts from a round, edits and issues; the units below read it once issued.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/supervision-bulletins',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/supervision-bulletins`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/supervision-rounds/{id}/bulletins',
    targeted: true,
    url: (c) => `/api/supervision-rounds/${roundIds[c.rel]}/bulletins`,
    expect: scoped(PLANNERS, 201, { child: DRAFT_HIDDEN }),
  },
  {
    method: 'GET',
    path: '/api/supervision-bulletins/{id}',
    targeted: true,
    url: (c) => `/api/supervision-bulletins/${bulletinIds[c.rel].issued}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/supervision-bulletins/{id}/document.docx',
    targeted: true,
    url: (c) => `/api/supervision-bulletins/${bulletinIds[c.rel].issued}/document.docx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/supervision-bulletins/{id}',
    targeted: true,
    url: (c) => `/api/supervision-bulletins/${bulletinIds[c.rel].draft}`,
    body: () => ({
      title: '改',
      recipients: '测试所',
      docPrefix: '测市监督',
      date: '2026-05-06',
      paragraphs: ['x'],
      version: 9999,
    }),
    expect: scoped(PLANNERS, 409, { child: DRAFT_HIDDEN }),
  },
  {
    method: 'POST',
    path: '/api/supervision-bulletins/{id}/issue',
    targeted: true,
    url: (c) => `/api/supervision-bulletins/${bulletinIds[c.rel].draft}/issue`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: DRAFT_HIDDEN }),
  },
  // 整改: the group (here the city's leader only) or the organising unit's office records and re-checks
  // (own: the district organises; child: the city does); only the unit concerned itself replies.
  {
    method: 'GET',
    path: '/api/supervision/visits/{id}/findings',
    targeted: true,
    url: (c) => `/api/supervision/visits/${rectification[c.rel].visitId}/findings`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/supervision/visits/{id}/findings',
    targeted: true,
    url: (c) => `/api/supervision/visits/${rectification[c.rel].visitId}/findings`,
    body: (c) => ({ unitId: c.unitId, description: `授权测试问题${c.n}`, requirement: '整改', deadline: '2026-05-30' }),
    expect: scoped(PLANNERS, 201, { child: NOT_ORGANIZER }),
  },
  {
    method: 'GET',
    path: '/api/rectifications',
    url: () => '/api/rectifications?pageSize=200',
    expect: everyone(200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      for (const r of RELATIONS)
        if (ids.includes(rectification[r].open) === outside(r)) return `${r} ${outside(r) ? 'leaked' : 'missing'}`;
      return undefined;
    },
  },
  {
    method: 'GET',
    path: '/api/rectifications/summary',
    url: () => '/api/rectifications/summary',
    expect: everyone(200),
    inspect: (j) =>
      (j as { items: { unitId: string }[] }).items.some((i) => i.unitId === tenant.units.sibling.id)
        ? 'the sibling is counted'
        : undefined,
  },
  { method: 'GET', path: '/api/rectifications.xlsx', url: () => '/api/rectifications.xlsx', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/rectifications/{id}',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].open}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/rectifications/{id}',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].open}`,
    body: (c) => ({
      unitId: c.unitId,
      description: '授权测试',
      requirement: '整改',
      deadline: '2026-05-30',
      version: 9999,
    }),
    expect: scoped(PLANNERS, 409, { child: NOT_ORGANIZER }),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/reply',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].open}/reply`,
    body: () => ({ text: '已整改', version: 9999 }),
    expect: scoped(UNIT_ANSWERERS, 409, { child: NOBODY }),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/close',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].replied}/close`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: NOT_ORGANIZER }),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/return',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].replied}/return`,
    body: () => ({ reason: '不到位', version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: NOT_ORGANIZER }),
  },
  {
    // A file with a forged type: who may upload is answered first (403), then the file (400).
    method: 'POST',
    path: '/api/rectifications/{id}/attachments',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].open}/attachments`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(UNIT_ANSWERERS, 400, { child: NOBODY }),
  },
  {
    method: 'GET',
    path: '/api/rectifications/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].replied}/attachments/${rectification[c.rel].fileId}`,
    expect: scoped(ROLES, 200),
  },
  {
    // The file went with the reply: it stays (409) — and the replied finding takes no files at all.
    method: 'DELETE',
    path: '/api/rectifications/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/rectifications/${rectification[c.rel].replied}/attachments/${rectification[c.rel].fileId}`,
    expect: scoped(UNIT_ANSWERERS, 409, { child: NOBODY }),
  },
  // 我的待办: everyone reads their own, each provider answering only within the caller's scope.
  { method: 'GET', path: '/api/inbox', url: () => '/api/inbox', expect: everyone(200) },
  // 重大情况报告: filed like the periodic reports (liaison, office, admin of the reporting unit), acknowledged by the plan's office.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/major-events',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/major-events`,
    expect: scoped(ROLES, 200),
    inspect: (j, c) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      return ids.includes(majorEventIds[c.rel]) ? undefined : `the report of ${c.rel} is missing`;
    },
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/major-events',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/major-events`,
    body: (c) => ({
      unitId: reporterOf(c.rel),
      kind: 'difficult_issue',
      title: `授权测试疑难问题${c.n}`,
      occurredOn: '2026-04-02',
      summary: '情况',
      measuresTaken: '措施',
    }),
    expect: scoped(['admin', 'office', 'liaison'], 201),
  },
  {
    method: 'GET',
    path: '/api/major-events/{id}',
    targeted: true,
    url: (c) => `/api/major-events/${majorEventIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/major-events/{id}',
    targeted: true,
    url: (c) => `/api/major-events/${majorEventIds[c.rel]}`,
    body: () => ({
      kind: 'major_situation',
      title: '授权测试重大情况',
      occurredOn: '2026-04-01',
      summary: '情况',
      measuresTaken: '措施',
      version: 9999,
    }),
    // Reported by the city's leader: only the reporting unit's own people correct it (the district's in the city's plan), not an office above.
    expect: scoped(['admin', 'office', 'liaison'], 409, {
      own: { admin: 403, office: 403, liaison: 403 },
    }),
  },
  {
    // The city's plan is acknowledged by the city's office, not the district's.
    method: 'POST',
    path: '/api/major-events/{id}/acknowledge',
    targeted: true,
    url: (c) => `/api/major-events/${majorEventIds[c.rel]}/acknowledge`,
    body: () => ({ acknowledgement: '已阅', version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: { admin: 403, office: 403 } }),
  },
  // 典型案例评选: the case's unit nominates (a second nomination of the case: 409); the plan's office decides (the city's plan: the city's office).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/typical-nominations',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/typical-nominations`,
    expect: scoped(ROLES, 200),
    inspect: (j, c) =>
      (j as { items: { id: string }[] }).items.some((i) => i.id === recognitionIds[c.rel].nomination)
        ? undefined
        : `the nomination of ${c.rel} is missing`,
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/typical-nominations',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/typical-nominations`,
    body: (c) => ({ caseId: c.caseId, reason: '授权测试推荐', markTypical: true }),
    expect: scoped(UNIT_ANSWERERS, 409),
  },
  {
    method: 'GET',
    path: '/api/typical-nominations/{id}',
    targeted: true,
    url: (c) => `/api/typical-nominations/${recognitionIds[c.rel].nomination}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/typical-nominations/{id}/decision',
    targeted: true,
    url: (c) => `/api/typical-nominations/${recognitionIds[c.rel].nomination}/decision`,
    body: () => ({ decision: 'selected', reason: '授权测试', version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'DELETE',
    path: '/api/typical-nominations/{id}',
    targeted: true,
    url: (c) => `/api/typical-nominations/${recognitionIds[c.rel].nomination}?version=9999`,
    expect: scoped(UNIT_ANSWERERS, 409),
  },
  // 表彰 and 问责: recorded by the plan's office or leader (the city's plan: the city's); read by the units concerned and above.
  ...(['commendations', 'accountability'] as const).flatMap((kind): RouteCase[] => {
    const entity = kind === 'commendations' ? 'commendation' : 'accountability';
    const single = kind === 'commendations' ? '/api/commendations/{id}' : '/api/accountability/{id}';
    const url = (c: Ctx) => single.replace('{id}', recognitionIds[c.rel][entity]);
    const body = (c: Ctx) => ({
      unitId: c.unitId,
      reason: '授权测试',
      decidedOn: '2026-05-06',
      evidence: [{ type: 'case', id: c.caseId }],
      ...(kind === 'commendations' ? { kind: 'advanced_collective' } : { measure: 'interview' }),
    });
    const notTheirs = { child: { admin: 403, office: 403, leader: 403 } };
    return [
      {
        method: 'GET',
        path: `/api/campaigns/{id}/${kind}`,
        targeted: true,
        url: (c) => `/api/campaigns/${c.campaignId}/${kind}`,
        expect: scoped(ROLES, 200),
      },
      {
        method: 'POST',
        path: `/api/campaigns/{id}/${kind}`,
        targeted: true,
        url: (c) => `/api/campaigns/${c.campaignId}/${kind}`,
        body,
        expect: scoped(MANAGERS, 201, notTheirs),
      },
      { method: 'GET', path: single, targeted: true, url, expect: scoped(ROLES, 200) },
      {
        method: 'PUT',
        path: single,
        targeted: true,
        url,
        body: (c) => ({ ...body(c), version: 9999 }),
        expect: scoped(MANAGERS, 409, notTheirs),
      },
      {
        method: 'DELETE',
        path: single,
        targeted: true,
        url: (c) => `${url(c)}?version=9999`,
        expect: scoped(MANAGERS, 409, notTheirs),
      },
    ];
  }),
  { method: 'GET', path: '/api/talent-pool', url: () => '/api/talent-pool', expect: everyone(200) },
  // 工作实施计划备案: filed by the owing unit's liaison, office or leader; 备案 or 退回 by the plan's office.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/work-plans',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/work-plans`,
    expect: scoped(ROLES, 200),
  },
  {
    // Each reporter has filed already: the allowed roles get 409 (refile the plan instead).
    method: 'POST',
    path: '/api/campaigns/{id}/work-plans',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/work-plans`,
    body: (c) => ({ unitId: reporterOf(c.rel), title: `授权测试计划${c.n}`, summary: '内容' }),
    expect: scoped(UNIT_ANSWERERS, 409),
  },
  {
    method: 'GET',
    path: '/api/work-plans/{id}',
    targeted: true,
    url: (c) => `/api/work-plans/${workPlanIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/work-plans/{id}',
    targeted: true,
    url: (c) => `/api/work-plans/${workPlanIds[c.rel]}`,
    body: () => ({ title: '授权测试工作实施计划', summary: '内容', version: 9999 }),
    expect: scoped(UNIT_ANSWERERS, 409),
  },
  {
    method: 'POST',
    path: '/api/work-plans/{id}/file',
    targeted: true,
    url: (c) => `/api/work-plans/${workPlanIds[c.rel]}/file`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(UNIT_ANSWERERS, 400),
  },
  {
    method: 'GET',
    path: '/api/work-plans/{id}/file',
    targeted: true,
    url: (c) => `/api/work-plans/${workPlanIds[c.rel]}/file`,
    expect: scoped(ROLES, 200),
  },
  {
    // The city's plan is acknowledged by the city's office, not the district's.
    method: 'POST',
    path: '/api/work-plans/{id}/acknowledge',
    targeted: true,
    url: (c) => `/api/work-plans/${workPlanIds[c.rel]}/acknowledge`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'POST',
    path: '/api/work-plans/{id}/return',
    targeted: true,
    url: (c) => `/api/work-plans/${workPlanIds[c.rel]}/return`,
    body: () => ({ reason: '请补充分工', version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: { admin: 403, office: 403 } }),
  },
  // 结转: the predecessor's unfinished cases; carried by the office of the plan's issuing unit (none named here: 422).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/carry-forward',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/carry-forward`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/carry-forward',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/carry-forward`,
    body: () => ({ all: true }),
    expect: scoped(PLANNERS, 422, { child: { admin: 403, office: 403 } }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/quotas',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/quotas?month=2026-04`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/quotas/records',
    targeted: true,
    // A reporting participant of each relation's campaign: the office in the district's plan, the district in the city's, else the plan's own unit.
    url: (c) =>
      `/api/campaigns/${c.campaignId}/quotas/records?month=2026-04&unitId=${{ own: tenant.units.office.id, child: tenant.units.district.id, sibling: tenant.units.sibling.id, parent: tenant.units.city.id }[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/kpis',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/kpis`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/kpis/{kpiIndex}/records',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/kpis/0/records?unitId=${reporterOf(c.rel)}`,
    expect: scoped(ROLES, 200),
  },
  {
    // The sample plan's only KPI is measured from the records: who may enter is answered first (403),
    // then that it is not a hand-entered one (400). The district's liaison enters for the district only.
    method: 'PUT',
    path: '/api/campaigns/{id}/kpis/{kpiIndex}/figures',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/kpis/0/figures`,
    body: (c) => ({
      unitId: reporterOf(c.rel),
      period: '2026',
      numerator: 1,
      denominator: 2,
      reason: '授权测试',
      version: 0,
    }),
    expect: scoped(PLANNERS, 400, { child: { liaison: 400 } }),
  },
  {
    method: 'GET',
    path: '/api/public/check-results',
    public: true,
    url: () => '/api/public/check-results',
    expect: everyone(200),
  },
  // Public: the random token is the key; it reveals a row count only.
  {
    method: 'GET',
    path: '/api/imports/{token}',
    public: true,
    url: () => '/api/imports/6c0f7a54-8f0e-4d6b-9a8e-1f2d3c4b5a69',
    expect: everyone(404),
  },

  // 审批: everyone lists what his scope holds (mine=true: what he may decide); a 局领导 in the record's
  // line decides (the stale version here: 409), others 403, out of scope 404; only the requester withdraws.
  {
    method: 'GET',
    path: '/api/approvals',
    url: () => '/api/approvals?status=pending',
    expect: everyone(200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      if (ids.includes(approvalIds.sibling) || ids.includes(approvalIds.parent))
        return 'a request outside the scope leaked';
      return ids.includes(approvalIds.own) && ids.includes(approvalIds.child)
        ? undefined
        : 'a request in scope is missing';
    },
  },
  {
    method: 'GET',
    path: '/api/approvals/{id}',
    targeted: true,
    url: (c) => `/api/approvals/${approvalIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/approvals/{id}/decision',
    targeted: true,
    url: (c) => `/api/approvals/${approvalIds[c.rel]}/decision`,
    body: () => ({ decision: 'approve', version: 9999 }),
    expect: scoped(['leader'], 409),
  },
  {
    method: 'POST',
    path: '/api/approvals/{id}/withdraw',
    targeted: true,
    url: (c) => `/api/approvals/${approvalIds[c.rel]}/withdraw`,
    body: () => ({ version: 9999 }),
    expect: scoped([], 200),
  },
  { method: 'GET', path: '/api/audit', url: () => '/api/audit', expect: roles(['admin'], 200) },
  { method: 'GET', path: '/api/audit/verify', url: () => '/api/audit/verify', expect: roles(['admin'], 200) },

  { method: 'GET', path: '/api/calendar/years/{year}', url: () => '/api/calendar/years/2026', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/calendar/add-working-days',
    url: () => '/api/calendar/add-working-days?from=2026-02-10&days=15',
    expect: everyone(200),
  },
  {
    method: 'GET',
    path: '/api/calendar/working-days-between',
    url: () => '/api/calendar/working-days-between?from=2026-02-10&to=2026-03-09',
    expect: everyone(200),
  },
  // 督办: each case already has a request open (so asking again is 409); a stale version answers 409 where the role may act.
  {
    method: 'GET',
    path: '/api/case-supervisions',
    url: () => '/api/case-supervisions?pageSize=200',
    expect: everyone(200),
    visibleIds: (j) => (j as { items: { caseId: string }[] }).items.map((i) => i.caseId),
    visibleTargets: 'cases',
  },
  {
    method: 'GET',
    path: '/api/case-supervisions.xlsx',
    url: () => '/api/case-supervisions.xlsx',
    expect: everyone(200),
  },
  {
    method: 'GET',
    path: '/api/case-supervisions/{id}',
    targeted: true,
    url: (c) => `/api/case-supervisions/${supervisionIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/cases/{id}/supervision',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/supervision`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/supervision-requests',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/supervision-requests`,
    body: () => ({ reason: '授权测试' }),
    expect: scoped(['office', 'leader', 'handler'], 409),
  },
  {
    // 主动督办: the office or leader of a unit whose subtree holds the case.
    method: 'POST',
    path: '/api/cases/{id}/supervisions',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/supervisions`,
    body: () => ({
      instruction: '授权测试',
      deadline: '2099-12-31',
      progressInterval: 5,
      progressIntervalKind: 'days',
    }),
    expect: scoped(['office', 'leader'], 409),
  },
  ...(['take-up', 'decline'] as const).map((action): RouteCase => ({
    // Only the asked unit's office or leader: the district's case asked the city, the 所's asked the district.
    method: 'POST',
    path: `/api/case-supervisions/{id}/${action}`,
    targeted: true,
    url: (c) => `/api/case-supervisions/${supervisionIds[c.rel]}/${action}`,
    body: () => ({
      instruction: '授权测试',
      deadline: '2099-12-31',
      progressInterval: 5,
      progressIntervalKind: 'days',
      reason: '授权测试',
      version: 9999,
    }),
    expect: scoped(['office', 'leader'], 409, { own: { office: 403, leader: 403 } }),
  })),
  {
    // The case's side below the supervising unit: the district's people on the district's case (asked of the city).
    method: 'POST',
    path: '/api/case-supervisions/{id}/progress',
    targeted: true,
    url: (c) => `/api/case-supervisions/${supervisionIds[c.rel]}/progress`,
    body: () => ({ text: '授权测试', version: 9999 }),
    expect: scoped(['office', 'leader', 'handler'], 409, { child: { office: 403, leader: 403, handler: 403 } }),
  },
  ...(['instructions', 'close'] as const).map((action): RouteCase => ({
    method: 'POST',
    path: `/api/case-supervisions/{id}/${action}`,
    targeted: true,
    url: (c) => `/api/case-supervisions/${supervisionIds[c.rel]}/${action}`,
    body: () => ({ text: '授权测试', conclusion: '授权测试', version: 9999 }),
    expect: scoped(['office', 'leader'], 409, { own: { office: 403, leader: 403 } }),
  })),
  // Only the system administrator maintains the holiday calendar; a bureau's admin may not.
  {
    method: 'PUT',
    path: '/api/calendar/overrides/{day}',
    url: () => '/api/calendar/overrides/2031-01-01',
    body: () => ({ kind: 'holiday', name: '元旦' }),
    expect: everyone(403),
  },
  {
    method: 'PUT',
    path: '/api/calendar/years/{year}/entered',
    url: () => '/api/calendar/years/2031/entered',
    body: () => ({ entered: true }),
    expect: everyone(403),
  },
  {
    method: 'DELETE',
    path: '/api/calendar/overrides/{day}',
    url: () => '/api/calendar/overrides/2031-01-01',
    expect: everyone(403),
  },
  // 考核评分: the office of the plan's issuer keeps the schemes and publishes; whoever sees the plan reads the
  // scorecards (the lines of his scope); the city's plan is the city's to judge.
  {
    method: 'GET',
    path: '/api/campaigns/{id}/assessment-schemes',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/assessment-schemes`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/assessment-schemes',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/assessment-schemes`,
    body: () => ({ name: '授权测试新方案', indicators: scorecardIndicators }),
    expect: scoped(PLANNERS, 201, { child: NOT_OURS }),
  },
  {
    method: 'GET',
    path: '/api/assessment-schemes/{id}',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/assessment-schemes/{id}',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}`,
    body: () => ({ name: '授权测试考核', indicators: scorecardIndicators, version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: NOT_OURS }),
  },
  {
    method: 'DELETE',
    path: '/api/assessment-schemes/{id}',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}?version=9999`,
    expect: scoped(PLANNERS, 409, { child: NOT_OURS }),
  },
  {
    method: 'GET',
    path: '/api/assessment-schemes/{id}/scorecard',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}/scorecard`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/assessment-schemes/{id}/scorecard/records',
    targeted: true,
    url: (c) =>
      `/api/assessment-schemes/${scorecardIds[c.rel].scheme}/scorecard/records?unitId=${reporterOf(c.rel)}&kind=cases_filed`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/assessment-schemes/{id}/scorecard.xlsx',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}/scorecard.xlsx`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/assessment-schemes/{id}/publications',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}/publications`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409, { child: NOT_OURS }),
  },
  {
    method: 'GET',
    path: '/api/assessment-schemes/{id}/publications',
    targeted: true,
    url: (c) => `/api/assessment-schemes/${scorecardIds[c.rel].scheme}/publications`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/assessment-publications/{id}',
    targeted: true,
    url: (c) => `/api/assessment-publications/${scorecardIds[c.rel].publication}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/assessment-publications/{id}/records',
    targeted: true,
    url: (c) =>
      `/api/assessment-publications/${scorecardIds[c.rel].publication}/records?unitId=${reporterOf(c.rel)}&kind=cases_filed`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/assessment-publications/{id}/scorecard.xlsx',
    targeted: true,
    url: (c) => `/api/assessment-publications/${scorecardIds[c.rel].publication}/scorecard.xlsx`,
    expect: scoped(ROLES, 200),
  },
  // 曝光 (disclosures module): the office writes and submits (its test cases are not typical: 422), a
  // 局领导 decides through 审批; the office or a 局领导 takes a published text down; the office keeps
  // its 消费警示. The public routes answer everyone, signed in or not, only what is published.
  {
    method: 'GET',
    path: '/api/disclosures',
    targeted: true,
    url: (c) => `/api/disclosures?caseId=${c.caseId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/disclosures',
    targeted: true,
    url: () => '/api/disclosures',
    body: (c) => ({ caseId: c.caseId }),
    expect: scoped(PLANNERS, 422),
  },
  {
    method: 'GET',
    path: '/api/disclosures/{id}',
    targeted: true,
    url: (c) => `/api/disclosures/${disclosureIds[c.rel].disclosure}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/disclosures/{id}',
    targeted: true,
    url: (c) => `/api/disclosures/${disclosureIds[c.rel].disclosure}`,
    body: () => ({ title: '标题', body: '正文', partyDisplayName: '某企业', version: 9999 }),
    expect: scoped(PLANNERS, 409),
  },
  {
    method: 'POST',
    path: '/api/disclosures/{id}/submit',
    targeted: true,
    url: (c) => `/api/disclosures/${disclosureIds[c.rel].disclosure}/submit`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 422),
  },
  {
    method: 'POST',
    path: '/api/disclosures/{id}/withdraw',
    targeted: true,
    url: (c) => `/api/disclosures/${disclosureIds[c.rel].disclosure}/withdraw`,
    body: () => ({ reason: '授权测试', version: 9999 }),
    expect: scoped(MANAGERS, 409),
  },
  {
    method: 'GET',
    path: '/api/consumer-warnings',
    targeted: true,
    url: (c) => `/api/consumer-warnings?unitId=${c.unitId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/consumer-warnings',
    targeted: true,
    url: () => '/api/consumer-warnings',
    body: (c) => ({ unitId: c.unitId, kind: 'warning_notice', title: `授权测试公告${c.n}`, body: '请理性消费。' }),
    expect: scoped(PLANNERS, 201),
  },
  {
    method: 'PUT',
    path: '/api/consumer-warnings/{id}',
    targeted: true,
    url: (c) => `/api/consumer-warnings/${disclosureIds[c.rel].warning}`,
    body: () => ({ kind: 'consumer_warning', title: '标题', body: '正文', version: 9999 }),
    expect: scoped(PLANNERS, 409),
  },
  {
    method: 'POST',
    path: '/api/consumer-warnings/{id}/publish',
    targeted: true,
    url: (c) => `/api/consumer-warnings/${disclosureIds[c.rel].warning}/publish`,
    body: () => ({ version: 9999 }),
    expect: scoped(PLANNERS, 409),
  },
  {
    method: 'POST',
    path: '/api/consumer-warnings/{id}/withdraw',
    targeted: true,
    url: (c) => `/api/consumer-warnings/${disclosureIds[c.rel].warning}/withdraw`,
    body: () => ({ version: 9999 }),
    expect: scoped(MANAGERS, 409),
  },
  {
    method: 'GET',
    path: '/api/public/disclosures',
    public: true,
    url: () => '/api/public/disclosures',
    expect: everyone(200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      return ids.length === 1 && ids[0] === publishedDisclosureId ? undefined : `not only the published one: ${ids}`;
    },
  },
  {
    method: 'GET',
    path: '/api/public/disclosures/{id}',
    public: true,
    url: () => `/api/public/disclosures/${publishedDisclosureId}`,
    expect: everyone(200),
  },
  {
    method: 'GET',
    path: '/api/public/warnings',
    public: true,
    url: () => '/api/public/warnings',
    expect: everyone(200),
    inspect: (j) => ((j as { total: number }).total === 0 ? undefined : 'a draft warning is public'),
  },
  // joint-operations (联合执法, 联席会议): the unit's office, leader, handlers and liaison record; the recorder or an office or leader corrects; all read in scope.
  {
    method: 'GET',
    path: '/api/joint-operations',
    url: () => '/api/joint-operations?pageSize=200',
    expect: everyone(200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      const wrong = RELATIONS.filter((r) => ids.includes(jointOperationIds[r]) === outside(r));
      return wrong.length ? `joint operations of ${wrong.join(', ')} wrongly listed or missing` : undefined;
    },
  },
  {
    method: 'GET',
    path: '/api/joint-operations/{id}',
    targeted: true,
    url: (c) => `/api/joint-operations/${jointOperationIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    // Outside the scope the unit is refused on its field (422), as for any record's unit.
    method: 'POST',
    path: '/api/joint-operations',
    targeted: true,
    url: () => '/api/joint-operations',
    body: (c) => jointOperationBody(c.rel, c.unitId),
    expect: (role, rel) =>
      outside(rel) ? 422 : (['admin', 'office', 'leader', 'handler', 'liaison'] as Role[]).includes(role) ? 201 : 403,
  },
  {
    // Recorded by the system: only an office, leader or administrator corrects it (a stale version: 409).
    method: 'PUT',
    path: '/api/joint-operations/{id}',
    targeted: true,
    url: (c) => `/api/joint-operations/${jointOperationIds[c.rel]}`,
    body: (c) => ({ ...jointOperationBody(c.rel, c.unitId), version: 9999 }),
    expect: scoped(['admin', 'office', 'leader'], 409),
  },
  // 信用监管 (credit): the office, leader and administrator record publications and listings in their
  // scope; everyone who sees the unit reads. The test cases are not penalized: recording answers 422.
  { method: 'GET', path: '/api/credit/publications', url: () => '/api/credit/publications', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/credit/publications.xlsx',
    url: () => '/api/credit/publications.xlsx',
    expect: everyone(200),
  },
  {
    method: 'POST',
    path: '/api/credit/publications',
    targeted: true,
    url: () => '/api/credit/publications',
    body: (c) => ({ caseId: c.caseId, publishedDate: '2026-04-02', channel: '信用中国' }),
    expect: scoped(MANAGERS, 422),
  },
  {
    method: 'GET',
    path: '/api/credit/listings',
    url: () => '/api/credit/listings?pageSize=200',
    expect: everyone(200),
    inspect: (j) => {
      const names = (j as { items: { entityName: string; unitId: string }[] }).items;
      return names.some((i) => i.unitId === tenant.units.sibling.id || i.unitId === tenant.units.city.id)
        ? 'a listing outside the scope is listed'
        : undefined;
    },
  },
  {
    method: 'POST',
    path: '/api/credit/listings',
    targeted: true,
    url: () => '/api/credit/listings',
    body: (c) => ({ ...listingBody(c.n), unitId: c.unitId }),
    expect: scoped(MANAGERS, 201),
  },
  {
    method: 'GET',
    path: '/api/credit/listings/{id}',
    targeted: true,
    url: async (c) => `/api/credit/listings/${await listingOf(c.rel)}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/credit/listings/{id}/removal',
    targeted: true,
    url: async (c) => `/api/credit/listings/${await listingOf(c.rel)}/removal`,
    body: () => ({ removedDate: '2026-03-01', removalKind: '其他', removalBasis: '授权测试', version: 9999 }),
    expect: scoped(MANAGERS, 409),
  },
  // 移送 (transfers module): the case side of the record's unit transfers and records answers (a transfer
  // without a receiving organ: 422; a stale answer: 409); 涉刑移送标准 are the system administrator's only.
  {
    method: 'GET',
    path: '/api/cases/{id}/transfers',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/transfers`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/transfers',
    targeted: true,
    url: (c) => `/api/cases/${c.caseId}/transfers`,
    body: () => ({ receiverName: '授权测试', transferDate: '2026-03-20' }),
    expect: scoped(TRANSFER_SENDERS, 422),
  },
  {
    method: 'GET',
    path: '/api/transfers',
    url: () => '/api/transfers?pageSize=100',
    expect: everyone(200),
    visibleIds: (j) => (j as { items: { caseId: string }[] }).items.map((i) => i.caseId),
    visibleTargets: 'cases',
  },
  {
    method: 'GET',
    path: '/api/transfers/{id}',
    targeted: true,
    url: (c) => `/api/transfers/${transferIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/transfers/{id}/replies',
    targeted: true,
    url: (c) => `/api/transfers/${transferIds[c.rel]}/replies`,
    body: () => ({ outcome: 'accepted', replyDate: '2026-03-20', version: 9999 }),
    expect: scoped(TRANSFER_SENDERS, 409),
  },
  {
    method: 'GET',
    path: '/api/transfers/{id}/document.docx',
    targeted: true,
    url: (c) => `/api/transfers/${transferIds[c.rel]}/document.docx`,
    expect: scoped(ROLES, 200),
  },
  { method: 'GET', path: '/api/criminal-thresholds', url: () => '/api/criminal-thresholds', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/criminal-thresholds',
    url: () => '/api/criminal-thresholds',
    body: () => ({ categoryCode: 'food', minAmount: '50000', description: '授权测试', source: '授权测试依据' }),
    expect: roles([], 201),
  },
  {
    method: 'PUT',
    path: '/api/criminal-thresholds/{id}',
    url: () => '/api/criminal-thresholds/6c0f7a54-8f0e-4d6b-9a8e-1f2d3c4b5a69',
    body: () => ({
      categoryCode: 'food',
      minAmount: '50000',
      description: '授权测试',
      source: '授权测试依据',
      version: 1,
    }),
    expect: roles([], 200),
  },
  {
    method: 'DELETE',
    path: '/api/criminal-thresholds/{id}',
    url: () => '/api/criminal-thresholds/6c0f7a54-8f0e-4d6b-9a8e-1f2d3c4b5a69?version=1',
    expect: roles([], 204),
  },
  // 协查与通报 (issue 20): seen from the sending or the receiving bureau's scope only ("own": the
  // district sends; "child": it receives). Senders: office, leader, handler; receivers: office, leader.
  {
    method: 'GET',
    path: '/api/assistance',
    url: () => '/api/assistance?direction=sent&pageSize=200',
    expect: everyone(200),
    inspect: (j) => assistanceListProblem(j, ['own']),
  },
  {
    method: 'GET',
    path: '/api/assistance',
    url: () => '/api/assistance?direction=received&pageSize=200',
    expect: everyone(200),
    inspect: (j) => assistanceListProblem(j, ['child']),
  },
  { method: 'GET', path: '/api/assistance/recipients', url: () => '/api/assistance/recipients', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/assistance',
    url: () => '/api/assistance',
    body: () => ({
      kind: 'assistance',
      toUnitId: tenant.units.sibling.id,
      title: '授权测试发函',
      facts: '情况',
      requestedItems: '事项',
      replyDueDate: '2099-12-31',
    }),
    expect: roles(ASSISTANCE_SENDERS, 201),
  },
  {
    method: 'GET',
    path: '/api/assistance/{id}',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}`,
    expect: scoped(ROLES, 200),
    inspect: (j, c) =>
      c.rel === 'child' && (j as { sender: unknown }).sender !== null
        ? 'the sender’s records answered to the receiver'
        : undefined,
  },
  {
    method: 'POST',
    path: '/api/assistance/{id}/withdraw',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/withdraw`,
    body: () => ({ version: 9999 }),
    expect: scoped(ASSISTANCE_SENDERS, 409, { child: NOBODY }),
  },
  {
    method: 'POST',
    path: '/api/assistance/{id}/accept',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/accept`,
    body: () => ({ version: 9999 }),
    expect: scoped(ASSISTANCE_RECEIVERS, 409, { own: NOBODY }),
  },
  {
    method: 'POST',
    path: '/api/assistance/{id}/decline',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/decline`,
    body: () => ({ reason: '不属本局管辖', version: 9999 }),
    expect: scoped(ASSISTANCE_RECEIVERS, 409, { own: NOBODY }),
  },
  {
    // Not accepted yet: the receivers get 409; the sender is not asked (403).
    method: 'POST',
    path: '/api/assistance/{id}/replies',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/replies`,
    body: () => ({ text: '答复', version: 9999 }),
    expect: scoped(ASSISTANCE_RECEIVERS, 409, { own: NOBODY }),
  },
  {
    method: 'POST',
    path: '/api/assistance/{id}/attachments',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/attachments?side=sender`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(ASSISTANCE_SENDERS, 400, { child: NOBODY }),
  },
  {
    method: 'POST',
    path: '/api/assistance/{id}/attachments',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/attachments?side=receiver`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(ASSISTANCE_RECEIVERS, 409, { own: NOBODY }),
  },
  {
    method: 'GET',
    path: '/api/assistance/{id}/attachments/{fileId}',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/attachments/${assistanceIds[c.rel].fileId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/assistance/{id}/document.docx',
    targeted: true,
    url: (c) => `/api/assistance/${assistanceIds[c.rel].id}/document.docx`,
    expect: scoped(ROLES, 200),
  },
  // inspection attachments (issue 21: photos on outings): read as the outing, changed as it is edited.
  {
    method: 'GET',
    path: '/api/inspections/{id}/attachments',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/attachments`,
    expect: scoped(ROLES, 200),
  },
  {
    // A file with a forged type: who may attach is answered first (403), then the file (400).
    method: 'POST',
    path: '/api/inspections/{id}/attachments',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/attachments`,
    upload: { fileName: 'x.jpg', content: 'not a photo' },
    expect: scoped(REGISTRARS, 400),
  },
  {
    method: 'GET',
    path: '/api/inspections/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(ROLES, 404),
  },
  {
    method: 'DELETE',
    path: '/api/inspections/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(REGISTRARS, 404),
  },
  // seized-goods (涉案财物 / 罚没物品台账): handlers, the office and administrators of the unit or above keep and
  // dispose; everyone in scope reads the ledger.
  {
    method: 'GET',
    path: '/api/seized-goods',
    url: () => '/api/seized-goods?pageSize=200',
    expect: everyone(200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      const wrong = RELATIONS.filter((r) => ids.includes(seizedGoodsIds[r].id) === outside(r));
      return wrong.length ? `seized goods of ${wrong.join(', ')} wrongly listed or missing` : undefined;
    },
  },
  { method: 'GET', path: '/api/seized-goods.xlsx', url: () => '/api/seized-goods.xlsx', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/seized-goods/outing/{inspectionId}',
    targeted: true,
    url: (c) => `/api/seized-goods/outing/${c.inspectionId}`,
    expect: scoped(ROLES, 200),
  },
  {
    // Outside the scope the unit is refused on its field (422), as for any record's unit.
    method: 'POST',
    path: '/api/seized-goods',
    targeted: true,
    url: () => '/api/seized-goods',
    body: (c) => seizedGoodsBody(c.rel, c.unitId, c.userId),
    expect: (role, rel) => (outside(rel) ? 422 : (REGISTRARS as readonly Role[]).includes(role) ? 201 : 403),
  },
  {
    method: 'GET',
    path: '/api/seized-goods/{id}',
    targeted: true,
    url: (c) => `/api/seized-goods/${seizedGoodsIds[c.rel].id}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/seized-goods/{id}',
    targeted: true,
    url: (c) => `/api/seized-goods/${seizedGoodsIds[c.rel].id}`,
    body: (c) => ({ ...seizedGoodsBody(c.rel, c.unitId, c.userId), version: 9999 }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    method: 'POST',
    path: '/api/seized-goods/{id}/disposals',
    targeted: true,
    url: (c) => `/api/seized-goods/${seizedGoodsIds[c.rel].id}/disposals`,
    body: () => ({ kind: 'returned', disposalDate: '2026-04-05', quantity: '1', version: 9999 }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    // A file with a forged type: who may attach is answered first (403), then the file (400).
    method: 'POST',
    path: '/api/seized-goods/{id}/attachments',
    targeted: true,
    url: (c) => `/api/seized-goods/${seizedGoodsIds[c.rel].id}/attachments`,
    upload: { fileName: 'x.jpg', content: 'not a jpeg' },
    expect: scoped(REGISTRARS, 400),
  },
  {
    method: 'GET',
    path: '/api/seized-goods/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/seized-goods/${seizedGoodsIds[c.rel].id}/attachments/${seizedGoodsIds[c.rel].fileId}`,
    expect: scoped(ROLES, 200),
  },
  {
    // Who may remove files is answered first (403), then the file (a made-up id: 404).
    method: 'DELETE',
    path: '/api/seized-goods/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/seized-goods/${seizedGoodsIds[c.rel].id}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(REGISTRARS, 404),
  },
  // samples (抽样检验 and 核查处置): handlers, the office and administrators record, follow up and
  // import; the office, handlers and administrators close; everyone reads in scope. The follow-ups'
  // measures are not done (closing: 422) and the versions stale (409).
  {
    method: 'GET',
    path: '/api/samples',
    url: () => '/api/samples?pageSize=200',
    expect: everyone(200),
    inspect: (j) => {
      const ids = (j as { items: { id: string }[] }).items.map((i) => i.id);
      const wrong = RELATIONS.filter((r) => ids.includes(sampleIds[r]) === outside(r));
      return wrong.length ? `samples of ${wrong.join(', ')} wrongly listed or missing` : undefined;
    },
  },
  {
    method: 'GET',
    path: '/api/samples/pass-rates',
    url: () => '/api/samples/pass-rates',
    expect: everyone(200),
    inspect: (j) => {
      const row = (j as { byProduct: { product: string; failed: number }[] }).byProduct.find(
        (p) => p.product === '授权测试月饼',
      );
      return row && row.failed === 2 ? undefined : `pass rates count ${row?.failed} failed (want own and child: 2)`;
    },
  },
  {
    // Outside the scope the unit is refused on its field (422), as for any record's unit.
    method: 'POST',
    path: '/api/samples',
    targeted: true,
    url: () => '/api/samples',
    body: (c) => sampleBody(c.rel, 'pass'),
    expect: (role, rel) => (outside(rel) ? 422 : (REGISTRARS as readonly Role[]).includes(role) ? 201 : 403),
  },
  {
    method: 'GET',
    path: '/api/samples/{id}',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/samples/{id}',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}`,
    body: (c) => ({ ...sampleBody(c.rel, 'fail'), followUp: null, version: 9999 }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    method: 'POST',
    path: '/api/samples/{id}/follow-up/progress',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/follow-up/progress`,
    body: () => ({ progressNote: '已责令下架', version: 9999 }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    method: 'POST',
    path: '/api/samples/{id}/follow-up/lead',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/follow-up/lead`,
    body: () => ({ partyName: '授权测试主体', version: 9999 }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    method: 'POST',
    path: '/api/samples/{id}/follow-up/close',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/follow-up/close`,
    body: () => ({ closingNote: '已处置', version: 9999 }),
    expect: scoped(['admin', 'office', 'handler'], 422),
  },
  {
    method: 'GET',
    path: '/api/samples/{id}/attachments',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/attachments`,
    expect: scoped(ROLES, 200),
  },
  {
    // A file with a forged type: who may attach is answered first (403), then the file (400).
    method: 'POST',
    path: '/api/samples/{id}/attachments',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/attachments`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(REGISTRARS, 400),
  },
  {
    method: 'GET',
    path: '/api/samples/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(ROLES, 404),
  },
  {
    method: 'DELETE',
    path: '/api/samples/{id}/attachments/{attachmentId}',
    targeted: true,
    url: (c) => `/api/samples/${sampleIds[c.rel]}/attachments/00000000-0000-4000-8000-000000000000`,
    expect: scoped(REGISTRARS, 404),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/samples/import',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/samples/import`,
    upload: { fileName: 'empty.csv', content: '抽样日期,抽样单位,违法类型,统一社会信用代码,样品名称\n' },
    expect: scoped(REGISTRARS, 422),
  },
  // market-entities (经济户口, issue 21): the register, an entity's history, frequency rules.
  {
    method: 'POST',
    path: '/api/market-entities',
    targeted: true,
    url: () => '/api/market-entities',
    body: (c) => matrixEntityBody(c.unitId, c.n),
    expect: scoped(MANAGERS, 201),
  },
  {
    method: 'GET',
    path: '/api/market-entities/under-inspected',
    url: () => '/api/market-entities/under-inspected?period=week',
    expect: everyone(200),
  },
  {
    method: 'GET',
    path: '/api/market-entities/{id}',
    targeted: true,
    url: (c) => `/api/market-entities/${c.entityId}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'PUT',
    path: '/api/market-entities/{id}',
    targeted: true,
    url: (c) => `/api/market-entities/${c.entityId}`,
    body: async (c) => {
      const [e] = await t.database.db.select().from(marketEntities).where(eq(marketEntities.id, c.entityId));
      return {
        unitId: e.unitId,
        name: e.name,
        creditCode: e.creditCode,
        entityKind: e.entityKind,
        riskLevel: e.riskLevel,
        version: e.version,
      };
    },
    expect: scoped(MANAGERS, 200),
  },
  {
    method: 'POST',
    path: '/api/market-entities/{id}/deactivate',
    targeted: true,
    // A fresh entity of the relation's unit for each request: a deactivated one cannot be deactivated again.
    url: async (c) => {
      const [e] = await t.database.db
        .insert(marketEntities)
        .values({ ...matrixEntityBody(c.unitId, 50_000 + c.n), entityKind: 'individual' as const })
        .returning();
      return `/api/market-entities/${e.id}/deactivate`;
    },
    body: () => ({ version: 1, reason: '已注销' }),
    expect: scoped(MANAGERS, 200),
  },
  {
    method: 'GET',
    path: '/api/market-entities/{id}/history',
    targeted: true,
    url: (c) => `/api/market-entities/${c.entityId}/history`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'GET',
    path: '/api/inspection-frequency-rules',
    url: () => '/api/inspection-frequency-rules',
    expect: everyone(200),
  },
  {
    method: 'POST',
    path: '/api/inspection-frequency-rules',
    targeted: true,
    url: () => '/api/inspection-frequency-rules',
    body: (c) => ({ unitId: c.unitId, name: '授权测试规则', industry: '食品销售', minCount: 1, period: 'month' }),
    expect: scoped(PLANNERS, 201),
  },
  {
    method: 'PUT',
    path: '/api/inspection-frequency-rules/{id}',
    targeted: true,
    url: (c) => `/api/inspection-frequency-rules/${frequencyRuleIds[c.rel]}`,
    body: async (c) => {
      const rule = (await t.services.frequencyRulesService.listRules(systemActor)).items.find(
        (r) => r.id === frequencyRuleIds[c.rel],
      )!;
      return {
        unitId: rule.unitId,
        name: rule.name,
        industry: rule.industry,
        minCount: 3,
        period: 'week',
        version: rule.version,
      };
    },
    // The rules on the district's line are seen (the city's too) but kept only by the setting unit's office and below.
    expect: (role, rel) =>
      rel === 'sibling' ? 404 : rel === 'parent' ? 403 : (PLANNERS as readonly Role[]).includes(role) ? 200 : 403,
  },
  // 责令整改 on outings and 双随机 checks (field-rectifications): the outing unit's handlers, office and
  // administrator (and the outing's inspectors) order it, record the entity's 整改情况 and send it back;
  // the office, a leader or the administrator closes it.
  {
    method: 'GET',
    path: '/api/inspections/{id}/rectifications',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/rectifications`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/inspections/{id}/rectifications',
    targeted: true,
    url: (c) => `/api/inspections/${c.inspectionId}/rectifications`,
    body: (c) => ({ entityId: c.entityId, description: '授权测试', requirement: '整改', deadline: '2099-12-31' }),
    expect: scoped(REGISTRARS, 201),
  },
  {
    method: 'GET',
    path: '/api/random-draws/{id}/items/{itemId}/rectifications',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/items/${c.drawItemId}/rectifications`,
    expect: scoped(ROLES, 200),
  },
  {
    // No result recorded on the fixture item: who may order is answered first (403), then the state (409).
    method: 'POST',
    path: '/api/random-draws/{id}/items/{itemId}/rectifications',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/items/${c.drawItemId}/rectifications`,
    body: () => ({ description: '授权测试', requirement: '整改', deadline: '2099-12-31' }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    // Only a 检查结果 of problem_followed_up opens a lead: who may is answered first (403), then the state (422).
    method: 'POST',
    path: '/api/random-draws/{id}/items/{itemId}/lead',
    targeted: true,
    url: (c) => `/api/random-draws/${c.drawId}/items/${c.drawItemId}/lead`,
    body: () => ({ categoryCode: 'food', important: false, version: 1 }),
    expect: scoped(REGISTRARS, 422),
  },
  {
    method: 'GET',
    path: '/api/rectifications/{id}',
    targeted: true,
    url: (c) => `/api/rectifications/${fieldOrders[c.rel].open}`,
    expect: scoped(ROLES, 200),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/reply',
    targeted: true,
    url: (c) => `/api/rectifications/${fieldOrders[c.rel].open}/reply`,
    body: () => ({ text: '已整改', version: 9999 }),
    expect: scoped(REGISTRARS, 409),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/return',
    targeted: true,
    url: (c) => `/api/rectifications/${fieldOrders[c.rel].replied}/return`,
    body: () => ({ reason: '不到位', version: 9999 }),
    expect: scoped(['admin', 'office', 'leader', 'handler'], 409),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/close',
    targeted: true,
    url: (c) => `/api/rectifications/${fieldOrders[c.rel].replied}/close`,
    body: () => ({ version: 9999 }),
    expect: scoped(MANAGERS, 409),
  },
  {
    method: 'POST',
    path: '/api/rectifications/{id}/attachments',
    targeted: true,
    url: (c) => `/api/rectifications/${fieldOrders[c.rel].open}/attachments`,
    upload: { fileName: 'x.pdf', content: 'not a pdf' },
    expect: scoped(REGISTRARS, 400),
  },
  // seized-goods import (罚没物品台账 kept in Excel): the keepers import into a campaign they see; everyone
  // signed in downloads the template.
  {
    method: 'POST',
    path: '/api/campaigns/{id}/seized-goods/import',
    targeted: true,
    url: (c) => `/api/campaigns/${c.campaignId}/seized-goods/import`,
    upload: { fileName: 'empty.csv', content: '单位,违法类型,物品名称,数量,计量单位,查扣日期,存放地点,保管人\n' },
    expect: scoped(REGISTRARS, 422),
  },
  {
    method: 'GET',
    path: '/api/seized-goods/import-template.xlsx',
    url: () => '/api/seized-goods/import-template.xlsx',
    expect: everyone(200),
  },
];

/** 信用监管: a listing body, and one 经营异常名录 entry decided at each relation's unit (made once). */
function listingBody(n: number) {
  const body17 = `91310230MA1K${String(n).padStart(5, '0')}`;
  return {
    listKind: 'abnormal',
    abnormalReason: 'unreachable',
    entityName: `授权测试主体${n}`,
    creditCode: `${body17}${creditCodeCheckChar(body17)}`,
    decisionNumber: `授权测试〔2026〕${n}号`,
    listedDate: '2026-03-01',
  };
}
const listingIds = new Map<Relation, Promise<string>>();
const listingOf = (rel: Relation) => {
  if (!listingIds.has(rel))
    listingIds.set(
      rel,
      t.services.creditService
        .createListing(systemActor, {
          ...listingBody(90000 + RELATIONS.indexOf(rel)),
          listKind: 'abnormal',
          abnormalReason: 'unreachable',
          unitId: tenant.relations[rel].id,
        })
        .then((l) => l.id),
    );
  return listingIds.get(rel)!;
};

describe('authorization matrix', () => {
  it('lists every route of the API', async () => {
    const documented = Object.entries((t.app.swagger() as { paths: Record<string, object> }).paths).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // A route may have more than one row (a second decision of the same route, e.g. 发布 beside 归档).
    expect([...new Set(CASES.map((c) => `${c.method} ${c.path}`))].sort()).toEqual(documented.sort());
  });

  it('answers every route × role × relation as the policy says', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of CASES.filter((x) => !x.coveredIn)) {
      for (const role of ROLES) {
        for (const rel of c.targeted ? RELATIONS : (['own'] as const)) {
          n += 1;
          const ctx: Ctx = {
            rel,
            unitId: tenant.relations[rel].id,
            userId: tenant.unitUsers[rel].id,
            campaignId: campaignIds[rel],
            caseId: caseIds[rel],
            leadId: leadIds[rel],
            inspectionId: inspectionIds[rel],
            entityId: entityIds[rel],
            drawId: drawIds[rel],
            drawItemId: drawItemIds[rel],
            n,
          };
          const res = c.upload
            ? await sessions[role].upload(await c.url!(ctx), c.upload.fileName, c.upload.content)
            : await sessions[role].request(c.method, await c.url!(ctx), c.body ? await c.body(ctx) : undefined);
          const want = c.expect!(role, rel);
          if (res.statusCode !== want)
            failures.push(
              `${c.method} ${c.path} as ${role} on ${rel}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 120)}`,
            );
          const problem = res.statusCode === 200 ? c.inspect?.(res.json(), ctx, role) : undefined;
          if (problem) failures.push(`${c.method} ${c.path} as ${role} on ${rel}: ${problem}`);
          if (res.statusCode === 200 && c.visibleIds) {
            const ids = c.visibleIds(res.json());
            for (const r of RELATIONS) {
              const id =
                c.visibleTargets === 'units'
                  ? tenant.relations[r].id
                  : c.visibleTargets === 'campaigns'
                    ? campaignIds[r]
                    : c.visibleTargets === 'cases'
                      ? caseIds[r]
                      : c.visibleTargets === 'leads'
                        ? leadIds[r]
                        : c.visibleTargets === 'inspections'
                          ? inspectionIds[r]
                          : c.visibleTargets === 'entities'
                            ? entityIds[r]
                            : c.visibleTargets === 'draws'
                              ? drawIds[r]
                              : tenant.unitUsers[r].id;
              if (ids.includes(id) !== !outside(r))
                failures.push(`${c.method} ${c.path} as ${role}: ${r} ${outside(r) ? 'leaked' : 'missing'}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000); // about 600 requests; a loaded machine needs more than the default 30 s

  it('answers 401 to every non-public route without a session, and 403 to every change without the CSRF token', async () => {
    const ctx: Ctx = {
      rel: 'own',
      unitId: tenant.units.district.id,
      userId: tenant.unitUsers.own.id,
      campaignId: campaignIds.own,
      caseId: caseIds.own,
      leadId: leadIds.own,
      inspectionId: inspectionIds.own,
      entityId: entityIds.own,
      drawId: drawIds.own,
      drawItemId: drawItemIds.own,
      n: 9999,
    };
    for (const c of CASES.filter((x) => !x.public)) {
      const url = c.url ? await c.url(ctx) : c.path;
      const anon = await t.app.inject({
        method: c.method,
        url,
        payload: c.body ? ((await c.body(ctx)) as object) : undefined,
      });
      expect(anon.statusCode, `${c.method} ${c.path} anonymous`).toBe(401);
      if (c.method !== 'GET') {
        const noCsrf = await sessions.admin.request(c.method, url, c.body ? await c.body(ctx) : {}, { csrf: false });
        expect(noCsrf.statusCode, `${c.method} ${c.path} without CSRF`).toBe(403);
      }
    }
  });
});
