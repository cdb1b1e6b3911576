import { createKpisRepository } from './modules/kpis/kpis.repository';
import { createKpiAttainmentSource } from './modules/kpis/kpi-attainment';
import { createKpisService } from './modules/kpis/kpis.service';
import { createNotificationsRepository } from './modules/notifications/notifications.repository';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createNotificationEmailsRepository } from './modules/notifications/notification-emails.repository';
import { createNotificationEmailsService } from './modules/notifications/notification-emails.service';
import { notificationEmailsJob } from './modules/notifications/notification-emails.job';
import { createNotificationEmailInbox } from './modules/notifications/notification-email-inbox';
import type { Mailer, MailSettings } from './platform/mail/mailer';
import { reportRemindersJob } from './modules/reports/report-reminders.job';
import { caseClockRemindersJob } from './modules/cases/case-clock-reminders.job';
import { leadClockRemindersJob } from './modules/leads/lead-clock-reminders.job';
import type { Db } from './db/database';
import type { EntityHistorySource } from './platform/entity-history';
import { createSampleEntityHistory } from './modules/samples/sample-entity-history';
import { createSeizureEntityHistory } from './modules/seized-goods/seized-goods-entity-history';
import { createInboxService } from './modules/inbox/inbox.service';
import { createApprovalInbox } from './modules/approvals/approval-inbox';
import { createCaseInbox } from './modules/cases/case-inbox';
import { createLeadInbox } from './modules/leads/lead-inbox';
import { createReportInbox } from './modules/reports/report-inbox';
import { createLiaisonInbox } from './modules/campaigns/liaison-inbox';
import { createUserInbox } from './modules/users/user-inbox';
import { createCalendarInbox } from './modules/calendar/calendar-inbox';
import { createAuditRepository } from './modules/audit/audit.repository';
import { createAuditService } from './modules/audit/audit.service';
import { ephemeralAuditAnchor, type AuditAnchor } from './modules/audit/audit.anchor';
import { createAuthService } from './modules/auth/auth.service';
import { createAccessCache } from './platform/access-cache';
import { createSessionsRepository } from './modules/auth/sessions.repository';
import { createLoginThrottle, type LoginThrottle } from './modules/auth/throttle.service';
import { createThrottleRepository } from './modules/auth/throttle.repository';
import { createCalendarRepository } from './modules/calendar/calendar.repository';
import { createCalendarService } from './modules/calendar/calendar.service';
import { createUnitsRepository } from './modules/units/units.repository';
import { createUnitsService } from './modules/units/units.service';
import { createUsersRepository } from './modules/users/users.repository';
import { createUsersService } from './modules/users/users.service';
import { createUserPreferencesService } from './modules/users/user-preferences.service';
import { createUserPreferencesRepository } from './modules/users/user-preferences.repository';
import { createCampaignsRepository } from './modules/campaigns/campaigns.repository';
import { createCampaignsService } from './modules/campaigns/campaigns.service';
import { createPlanWriter } from './modules/campaigns/campaign-plan.writer';
import { createCampaignTemplatesService } from './modules/campaigns/campaign-templates.service';
import { createLiaisonsRepository } from './modules/campaigns/liaisons.repository';
import { createLiaisonsService } from './modules/campaigns/liaisons.service';
import { createCampaignDocumentsService } from './modules/campaigns/campaign-documents.service';
import { createCasesRepository } from './modules/cases/cases.repository';
import { createCasesService } from './modules/cases/cases.service';
import { createLeadsRepository } from './modules/leads/leads.repository';
import { createLeadsService } from './modules/leads/leads.service';
import { createCaseImportService } from './modules/cases/case-import.service';
import { createCaseDocumentsService } from './modules/cases/case-documents.service';
import { createCaseAttachmentsService } from './modules/cases/case-attachments.service';
import { createCaseAttachmentsRepository } from './modules/cases/case-attachments.repository';
import { createImportProgress } from './modules/imports/import-progress';
import { createImportProgressRepository } from './modules/imports/imports.repository';
import { createLeadImportService } from './modules/leads/lead-import.service';
import { createInspectionsRepository } from './modules/inspections/inspections.repository';
import { createInspectionsService } from './modules/inspections/inspections.service';
import { createInspectionImportService } from './modules/inspections/inspection-import.service';
import { createSamplesRepository } from './modules/samples/samples.repository';
import { createSamplesService } from './modules/samples/samples.service';
import { createSampleFollowUpService } from './modules/samples/sample-follow-up.service';
import { createSampleAttachmentsService } from './modules/samples/sample-attachments.service';
import { createSampleAttachmentsRepository } from './modules/samples/sample-attachments.repository';
import { createSampleImportService } from './modules/samples/sample-import.service';
import { createSampleInbox } from './modules/samples/sample-inbox';
import { createUserLineCheck } from './modules/users/user-line';
import { createRollupsRepository } from './modules/rollups/rollups.repository';
import { rollupMaintenanceJob } from './modules/rollups/rollup-maintenance.job';
import { createDrillDownRepository } from './modules/rollups/drill-down.repository';
import { createRollupsService } from './modules/rollups/rollups.service';
import { createFederationRepository } from './modules/federation/federation.repository';
import { createFederationService } from './modules/federation/federation.service';
import { createDashboardClocksService } from './modules/dashboards/dashboard-clocks.service';
import { createDashboardsService } from './modules/dashboards/dashboards.service';
import { createStatTablesService } from './modules/rollups/stat-tables.service';
import { createUnitComparisonService } from './modules/rollups/unit-comparison.service';
import { createDivisionMapsService } from './modules/maps/maps.service';
import { createCommandScreenService } from './modules/command-screen/command-screen.service';
import { createManualFiguresRepository } from './modules/rollups/manual-figures.repository';
import { createReportsRepository } from './modules/reports/reports.repository';
import { createReportsService } from './modules/reports/reports.service';
import { createInspectionAttachmentsService } from './modules/inspections/inspection-attachments.service';
import { createInspectionAttachmentsRepository } from './modules/inspections/inspection-attachments.repository';
import { createReportAttachmentsService } from './modules/reports/report-attachments.service';
import { createReportAttachmentsRepository } from './modules/reports/report-attachments.repository';
import { createMajorEventsRepository } from './modules/major-events/major-events.repository';
import { createMajorEventsService } from './modules/major-events/major-events.service';
import { createCaseCarryForwardService } from './modules/cases/case-carry-forward.service';
import { createWorkPlanInbox } from './modules/work-plans/work-plan-inbox';
import { createWorkPlansRepository } from './modules/work-plans/work-plans.repository';
import { createWorkPlansService } from './modules/work-plans/work-plans.service';
import { createCaseSupervisionRepository } from './modules/case-supervision/case-supervision.repository';
import { createCaseSupervisionService } from './modules/case-supervision/case-supervision.service';
import { createCaseSupervisionInbox } from './modules/case-supervision/case-supervision-inbox';
import { caseSupervisionRemindersJob } from './modules/case-supervision/case-supervision-reminders.job';
import { createRandomChecksRepository } from './modules/random-checks/random-checks.repository';
import { createRandomChecksService } from './modules/random-checks/random-checks.service';
import { createRandomCheckEntityHistory } from './modules/random-checks/random-checks-entity-history';
import { createMarketEntitiesRepository } from './modules/market-entities/market-entities.repository';
import { createMarketEntitiesService } from './modules/market-entities/market-entities.service';
import { createFrequencyRulesService } from './modules/market-entities/frequency-rules.service';
import {
  createInspectionEntityHistory,
  inspectionOutingCounts,
} from './modules/inspections/inspections-entity-history';
import { createCaseEntityHistory } from './modules/cases/cases-entity-history';
import { createCreditEntityHistory } from './modules/credit/credit-entity-history';
import { createCaseReviewsService } from './modules/case-reviews/case-reviews.service';
import { createCaseReviewsRepository } from './modules/case-reviews/case-reviews.repository';
import { createCaseReviewInbox } from './modules/case-reviews/case-review-inbox';
import { createCaseReviewIndicatorSources } from './modules/case-reviews/case-review-indicators';
import { createCaseIndicatorSources } from './modules/cases/case-indicators';
import { createReportIndicatorSources } from './modules/reports/report-indicators';
import { createRectificationIndicatorSources } from './modules/rectifications/rectification-indicators';
import { createScorecardsService } from './modules/scorecards/scorecards.service';
import { createScorecardsRepository } from './modules/scorecards/scorecards.repository';
import { createSupervisionBulletinsService } from './modules/supervision-bulletins/supervision-bulletins.service';
import { createSupervisionBulletinsRepository } from './modules/supervision-bulletins/supervision-bulletins.repository';
import { createSupervisionService } from './modules/supervision/supervision.service';
import { createSupervisionRepository } from './modules/supervision/supervision.repository';
import { createBriefingsService } from './modules/briefings/briefings.service';
import { createBriefingsRepository } from './modules/briefings/briefings.repository';
import { createJointOperationsRepository } from './modules/joint-operations/joint-operations.repository';
import { createJointOperationsService } from './modules/joint-operations/joint-operations.service';
import { createBriefingJointOperationsSource } from './modules/joint-operations/joint-operations-briefing';
import { createSeizedGoodsRepository } from './modules/seized-goods/seized-goods.repository';
import { createSeizedGoodsService } from './modules/seized-goods/seized-goods.service';
import { createSeizedGoodsAttachmentsService } from './modules/seized-goods/seized-goods-attachments.service';
import { createSeizedGoodsImportRepository } from './modules/seized-goods/seized-goods-import.repository';
import { createSeizedGoodsImportService } from './modules/seized-goods/seized-goods-import.service';
import { createRectificationsRepository } from './modules/rectifications/rectifications.repository';
import { createRectificationsService } from './modules/rectifications/rectifications.service';
import { createRectificationLedger } from './modules/rectifications/rectification-ledger';
import { createRectificationAttachmentsService } from './modules/rectifications/rectification-attachments.service';
import { createRectificationInbox } from './modules/rectifications/rectification-inbox';
import { createFieldRectificationsService } from './modules/rectifications/field-rectifications.service';
import { createRectificationEntityHistory } from './modules/rectifications/rectification-entity-history';
import { createFieldRectificationIndicatorSources } from './modules/rectifications/rectification-indicators';
import { createRandomCheckLeadsService } from './modules/random-checks/random-check-leads.service';
import { createLeadOrigins } from './modules/random-checks/lead-origins';
import { createTaskProgressInbox } from './modules/task-progress/task-progress-inbox';
import { createAssistanceInbox } from './modules/assistance/assistance-inbox';
import { createAssistanceRepository } from './modules/assistance/assistance.repository';
import { createAssistanceService } from './modules/assistance/assistance.service';
import { createTaskProgressRepository } from './modules/task-progress/task-progress.repository';
import { createTaskProgressService } from './modules/task-progress/task-progress.service';
import { taskProgressRemindersJob } from './modules/task-progress/task-progress-reminders.job';
import { createCreditRepository } from './modules/credit/credit.repository';
import { createCreditService } from './modules/credit/credit.service';
import { createCreditInbox } from './modules/credit/credit-inbox';
import { createPublicationExport } from './modules/credit/credit-export';
import { rectificationRemindersJob } from './modules/rectifications/rectification-reminders.job';
import { createRecognitionRepository } from './modules/recognition/recognition.repository';
import { createTypicalSelectionService } from './modules/recognition/typical-selection.service';
import { createCommendationsService } from './modules/recognition/commendations.service';
import {
  createBriefingRecognitionSource,
  createTypicalSelectedSource,
} from './modules/recognition/recognition-sources';
import { createDisclosuresRepository } from './modules/disclosures/disclosures.repository';
import { createDisclosuresService } from './modules/disclosures/disclosures.service';
import { createConsumerWarningsService } from './modules/disclosures/consumer-warnings.service';
import { createApprovalRegistry } from './modules/approvals/approval-kinds';
import { createApprovalsRepository } from './modules/approvals/approvals.repository';
import { createApprovalsService } from './modules/approvals/approvals.service';
import { createTransfersRepository } from './modules/transfers/transfers.repository';
import { createTransfersService } from './modules/transfers/transfers.service';
import { createCriminalThresholdsService } from './modules/transfers/criminal-thresholds.service';
import { createLeadHandovers } from './modules/transfers/lead-handovers';
import { createTransferInbox } from './modules/transfers/transfer-inbox';

/**
 * Builds every service with its narrow dependencies.
 * `audit`: the audit key and checkpoint file (`loadAuditAnchor` in main.ts). Without it the chain is
 * keyed with a random key of this process and its checkpoints kept in memory, which suits only a
 * database that lives no longer than the process (tests, throw-away tools).
 * `mail`: the SMTP settings and transport (main.ts, from the environment); without it no e-mail is
 * queued or sent and everything else is the same.
 */
export function createServices(
  db: Db,
  opts: {
    throttle?: LoginThrottle;
    audit?: AuditAnchor;
    mail?: { settings: MailSettings; mailer: Mailer };
    /** DATABASE_READ_URL: the heavy reads' handle (db/read-replica.ts); `db` itself when not given. */
    reader?: Db;
  } = {},
) {
  const reader = opts.reader ?? db;
  // Sessions and list scopes kept for seconds while the database's change signal is heard (app.ts).
  const accessCache = createAccessCache();
  const auditService = createAuditService({
    db,
    auditRepository: createAuditRepository(),
    anchor: opts.audit ?? ephemeralAuditAnchor(),
  });
  const unitsRepository = createUnitsRepository();
  const usersRepository = createUsersRepository();
  const sessionsRepository = createSessionsRepository();
  // 审批: modules make requests; each registers the effect of approving its kinds (approval-kinds.ts).
  const approvalRegistry = createApprovalRegistry();
  // 邮件通知: each new notification's e-mail is queued in its transaction, sent by the job.
  const notificationEmailsService = createNotificationEmailsService({
    db,
    repository: createNotificationEmailsRepository(),
    auditService,
    mail: opts.mail,
  });
  const notificationsService = createNotificationsService({
    db,
    notificationsRepository: createNotificationsRepository(),
    emails: notificationEmailsService,
  });
  const notificationEmails = notificationEmailsJob({ notificationEmailsService });
  const approvalsService = createApprovalsService({
    db,
    approvalsRepository: createApprovalsRepository(),
    registry: approvalRegistry,
    auditService,
    usersRepository,
    unitsRepository,
    notificationsService,
  });
  const campaignsRepository = createCampaignsRepository();
  const campaignsService = createCampaignsService({
    accessCache,
    db,
    campaignsRepository,
    unitsRepository,
    planWriter: createPlanWriter({ campaignsRepository, unitsRepository }),
    auditService,
    approvals: approvalsService,
  });
  approvalRegistry.register(...campaignsService.approvalKinds);
  const liaisonsRepository = createLiaisonsRepository();
  const liaisonsService = createLiaisonsService({
    db,
    liaisonsRepository,
    campaignsRepository,
    unitsRepository,
    campaignsService,
    auditService,
  });
  const userLine = createUserLineCheck({ db, usersRepository, unitsRepository });
  const rollupsRepository = createRollupsRepository();
  // 省级数据汇聚: provinces' roll-ups replicated to the nation (PostgreSQL logical replication).
  const federationRepository = createFederationRepository();
  const federationService = createFederationService({
    db,
    federationRepository,
    unitsRepository,
    rollupsRepository,
    auditService,
  });
  const rollupsService = createRollupsService({
    db,
    rollupsRepository,
    federation: federationService,
    drillDownRepository: createDrillDownRepository(),
    campaignsService,
    campaignsRepository,
    unitsRepository,
    reader,
  });
  const dashboardsService = createDashboardsService({
    db,
    reader,
    rollupsService,
    campaignsService,
    campaignsRepository,
  });
  // Reports carry the stat tables (their schedule's form), so the tables are made first.
  const statTablesService = createStatTablesService({
    db,
    rollupsService,
    manualFiguresRepository: createManualFiguresRepository(),
    campaignsRepository,
    unitsRepository,
    auditService,
    reader,
  });
  const unitComparisonService = createUnitComparisonService({
    db,
    reader,
    rollupsService,
    manualFiguresRepository: createManualFiguresRepository(),
    campaignsRepository,
  });
  const casesRepository = createCasesRepository();
  const importProgress = createImportProgress({ db, importProgressRepository: createImportProgressRepository() });
  const caseSupervisionRepository = createCaseSupervisionRepository();
  const casesService = createCasesService({
    db,
    reader,
    openSupervision: caseSupervisionRepository.openForCase,
    casesRepository,
    campaignsRepository,
    campaignsService,
    unitsRepository,
    usersRepository,
    auditService,
    userLine,
    rollups: rollupsService,
    approvals: approvalsService,
  });
  approvalRegistry.register(...casesService.approvalKinds);
  const calendarService = createCalendarService({ db, calendarRepository: createCalendarRepository(), auditService });
  // 移送 (issue 20): cases to the police / procuratorate (移送司法 marks through casesService), leads to other departments.
  const transfersRepository = createTransfersRepository();
  const transfersService = createTransfersService({
    db,
    transfersRepository,
    casesService,
    campaignsService,
    calendarService,
    unitsRepository,
    auditService,
  });
  const leadsRepository = createLeadsRepository();
  const inspectionsRepository = createInspectionsRepository();
  const randomChecksRepository = createRandomChecksRepository();
  const leadsService = createLeadsService({
    db,
    reader,
    leadsRepository,
    campaignsService,
    casesService,
    calendarService,
    unitsRepository,
    auditService,
    userLine,
    usersRepository,
    approvals: approvalsService,
    handovers: createLeadHandovers({ transfersRepository, transfersService }),
    rollups: rollupsService,
    // 来源记录: the outing or 双随机 check whose finding opened the lead.
    origins: createLeadOrigins({ inspectionsRepository, randomChecksRepository }),
  });
  approvalRegistry.register(...leadsService.approvalKinds);
  // 曝光: a typical case's redacted text, published on a 局领导's approval; 消费警示 by the office.
  const disclosuresRepository = createDisclosuresRepository();
  const disclosuresService = createDisclosuresService({
    db,
    disclosuresRepository,
    casesService,
    campaignsService,
    unitsRepository,
    approvals: approvalsService,
    auditService,
  });
  approvalRegistry.register(...disclosuresService.approvalKinds);
  // 经济户口: the register; an entity's history merges the sources of the modules that keep records about it
  // (the modules built further down add theirs below: samples, rectifications, seized goods).
  const entityHistorySources: EntityHistorySource[] = [
    createInspectionEntityHistory({ db }),
    createRandomCheckEntityHistory({ db }),
    createCaseEntityHistory({ db }),
    createCreditEntityHistory({ db }),
  ];
  const marketEntitiesRepository = createMarketEntitiesRepository();
  const marketEntitiesService = createMarketEntitiesService({
    db,
    marketEntitiesRepository,
    campaignsService,
    unitsRepository,
    auditService,
    importProgress,
    entityHistorySources,
  });
  const frequencyRulesService = createFrequencyRulesService({
    db,
    marketEntitiesRepository,
    campaignsService,
    unitsRepository,
    auditService,
    outingCounts: inspectionOutingCounts,
  });
  const rectificationsRepository = createRectificationsRepository();
  const inspectionsService = createInspectionsService({
    db,
    inspectionsRepository,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    leadsService,
    marketEntities: marketEntitiesService,
    userLine,
    auditService,
    rollups: rollupsService,
    orderedRectifications: rectificationsRepository.orderedOn,
  });
  // 抽样检验 (issue 21): samples, their pass rates and the 核查处置 a fail opens (立案 through leadsService).
  const samplesRepository = createSamplesRepository();
  const samplesService = createSamplesService({
    db,
    samplesRepository,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    calendarService,
    auditService,
  });
  const reportsRepository = createReportsRepository();
  const reportsService = createReportsService({
    db,
    reportsRepository,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    usersRepository,
    statTablesService,
    auditService,
    notificationsService,
  });
  const reportReminders = reportRemindersJob({ db, usersRepository, reportsService, notificationsService });
  const caseClockReminders = caseClockRemindersJob({ db, casesRepository, notificationsService });
  const rollupMaintenance = rollupMaintenanceJob({
    db,
    tables: [createRollupsRepository(), casesRepository, leadsRepository],
  });
  const leadClockReminders = leadClockRemindersJob({ db, leadsRepository, calendarService, notificationsService });
  const caseSupervisionReminders = caseSupervisionRemindersJob({
    db,
    caseSupervisionRepository,
    usersRepository,
    notificationsService,
  });
  const caseReviewsService = createCaseReviewsService({
    db,
    campaignsService,
    unitsRepository,
    usersRepository,
    auditService,
    caseReviewsRepository: createCaseReviewsRepository(),
  });
  const rectificationsService = createRectificationsService({
    db,
    rectificationsRepository,
    unitsRepository,
    calendarService,
    notificationsService,
    auditService,
  });
  // 信用监管 (issue 20): 行政处罚信息公示 over the cases, 经营异常名录 and 严重违法失信名单.
  const creditRepository = createCreditRepository();
  const creditService = createCreditService({
    db,
    creditRepository,
    unitsRepository,
    campaignsService,
    casesService,
    calendarService,
    auditService,
  });
  const rectificationReminders = rectificationRemindersJob({
    db,
    rectificationsRepository,
    calendarService,
    notificationsService,
  });
  // 工作实施计划备案 (issue 18): filed by the units owing the plan, acknowledged by its office.
  const workPlansRepository = createWorkPlansRepository();
  const workPlansService = createWorkPlansService({
    db,
    workPlansRepository,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    auditService,
  });
  // 任务进展: records tagged to the plan's tasks, the units' 进展情况, inactive 牵头 units.
  const taskProgressRepository = createTaskProgressRepository();
  const taskProgressService = createTaskProgressService({
    db,
    taskProgressRepository,
    campaignsService,
    unitsRepository,
    auditService,
  });
  const taskProgressReminders = taskProgressRemindersJob({
    db,
    taskProgressRepository,
    taskProgressService,
    notificationsService,
  });
  // 协查与通报 (issue 20): requests between bureaus; the sender's case or lead checked through their own services.
  const assistanceRepository = createAssistanceRepository();
  const assistanceService = createAssistanceService({
    db,
    assistanceRepository,
    unitsRepository,
    campaignsService,
    senderRecords: { requireCase: casesService.get, requireLead: leadsService.get },
    registerLead: (actor, input) => leadsService.prepareRegistration(actor, input),
    auditService,
  });
  // 我的待办: one provider per module that owns the items.
  const inboxService = createInboxService({
    providers: [
      createCaseInbox({ db, casesRepository }),
      createLeadInbox({ db, leadsRepository, calendarService }),
      createCaseSupervisionInbox({ db, caseSupervisionRepository }),
      createReportInbox({ db, reportsRepository, reportsService }),
      createLiaisonInbox({ db, liaisonsRepository }),
      createApprovalInbox({ approvalsService }),
      createUserInbox({ db, usersRepository }),
      createCalendarInbox({ calendarService }),
      createNotificationEmailInbox({ notificationEmailsService }),
      createCaseReviewInbox({ caseReviewsService }),
      createRectificationInbox({ db, rectificationsRepository }),
      createCreditInbox({ db, creditRepository, calendarService }),
      createWorkPlanInbox({ db, workPlansRepository, workPlansService, unitsRepository, calendarService }),
      createTaskProgressInbox({ taskProgressService }),
      createTransferInbox({ transfersService }),
      createAssistanceInbox({ db, assistanceRepository }),
      createSampleInbox({ db, samplesRepository }),
    ],
  });
  // 督查: above campaigns; the plan's .docx reads its 分片督查表 through campaigns' SupervisionAreaSource.
  const supervisionService = createSupervisionService({
    db,
    supervisionRepository: createSupervisionRepository(),
    campaignsService,
    campaignsRepository,
    unitsRepository,
    auditService,
  });
  /** 考核指标; its KPI attainment (kpi-attainment.ts `createKpiAttainmentSource`) is an indicator source for the scorecards. */
  const kpisService = createKpisService({
    db,
    kpisRepository: createKpisRepository(),
    campaignsService,
    reportsService,
    randomChecksRepository,
    rectificationsRepository,
    unitsRepository,
    auditService,
  });
  // 联合执法 and 联席会议: above briefings, which count them through their BriefingJointOperationsSource.
  const jointOperationsRepository = createJointOperationsRepository();

  // 典型案例评选, 表彰 and 问责: above briefings, which read them through their BriefingRecognitionSource.
  const recognitionRepository = createRecognitionRepository();
  // 考核评分: each indicator (考核指标) is measured by the module that owns its records.
  const indicatorSources = [
    ...createCaseIndicatorSources({ db }),
    ...createReportIndicatorSources({ db, campaignsRepository }),
    ...createRectificationIndicatorSources({ db }),
    ...createFieldRectificationIndicatorSources({ db }),
    ...createCaseReviewIndicatorSources({ db }),
    createTypicalSelectedSource({ db, recognitionRepository }),
    createKpiAttainmentSource({ kpisService }),
  ];
  const scorecardsService = createScorecardsService({
    db,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    auditService,
    scorecardsRepository: createScorecardsRepository(),
    judgedUnits: reportsService.reportingUnits,
    indicatorSources,
    findPredecessor: campaignsService.findPredecessor,
  });
  const randomChecksService = createRandomChecksService({
    db,
    randomChecksRepository,
    campaignsService,
    unitsRepository,
    usersRepository,
    auditService,
  });
  // 涉案财物 / 罚没物品 (issue 21).
  const seizedGoodsRepository = createSeizedGoodsRepository();
  const seizedGoodsService = createSeizedGoodsService({
    db,
    seizedGoodsRepository,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    usersRepository,
    userLine,
    auditService,
  });
  entityHistorySources.push(
    createSampleEntityHistory({ samplesService }),
    createSeizureEntityHistory({ db, seizedGoodsRepository }),
    createRectificationEntityHistory({ db, rectificationsRepository }),
  );
  return {
    seizedGoodsService,
    seizedGoodsAttachmentsService: createSeizedGoodsAttachmentsService({
      db,
      seizedGoodsService,
      seizedGoodsRepository,
      auditService,
    }),
    seizedGoodsImportService: createSeizedGoodsImportService({
      db,
      importRepository: createSeizedGoodsImportRepository(),
      casesRepository,
      marketEntitiesRepository,
      campaignsService,
      auditService,
      importProgress,
    }),
    disclosuresService,
    consumerWarningsService: createConsumerWarningsService({
      db,
      disclosuresRepository,
      campaignsService,
      unitsRepository,
      auditService,
    }),
    transfersService,
    criminalThresholdsService: createCriminalThresholdsService({ db, transfersRepository, auditService }),
    dashboardsService,
    typicalSelectionService: createTypicalSelectionService({
      db,
      recognitionRepository,
      campaignsService,
      campaignsRepository,
      unitsRepository,
      auditService,
    }),
    commendationsService: createCommendationsService({
      db,
      recognitionRepository,
      campaignsService,
      unitsRepository,
      usersRepository,
      auditService,
    }),
    approvalsService,
    supervisionService,
    scorecardsService,
    workPlansService,
    /** 结转: the predecessor plan's unfinished cases carried into a plan (issue 18). */
    caseCarryForwardService: createCaseCarryForwardService({
      db,
      casesRepository,
      casesService,
      campaignsService,
      campaignsRepository,
      unitsRepository,
    }),
    taskProgressService,
    assistanceService,
    inboxService,
    campaignsService,
    inspectionsService,
    randomChecksService,
    randomCheckLeadsService: createRandomCheckLeadsService({
      db,
      randomChecksRepository,
      randomChecksService,
      leadsService,
      auditService,
    }),
    marketEntitiesService,
    frequencyRulesService,
    // 责令整改 on outings and after 双随机 checks: the rectification engine's field sources.
    fieldRectificationsService: createFieldRectificationsService({
      db,
      rectificationsRepository,
      rectificationsService,
      inspectionsService,
      randomChecksService,
      calendarService,
      notificationsService,
      auditService,
      rollups: rollupsService,
    }),
    /** 经济户口: an entity's 责令整改 (EntityHistorySource 'rectification'), for the market-entities service. */
    inspectionImportService: createInspectionImportService({
      db,
      inspectionsRepository,
      campaignsService,
      auditService,
      importProgress,
      rollups: rollupsService,
    }),
    inspectionAttachmentsService: createInspectionAttachmentsService({
      db,
      inspectionsService,
      inspectionAttachmentsRepository: createInspectionAttachmentsRepository(),
      auditService,
    }),
    casesService,
    caseAttachmentsService: createCaseAttachmentsService({
      db,
      casesService,
      caseAttachmentsRepository: createCaseAttachmentsRepository(),
      auditService,
    }),
    caseDocumentsService: createCaseDocumentsService({ db, casesService, unitsRepository }),
    caseImportService: createCaseImportService({
      db,
      casesRepository,
      campaignsService,
      auditService,
      importProgress,
      rollups: rollupsService,
    }),
    rollupsService,
    briefingsService: createBriefingsService({
      db,
      rollupsService,
      casesService,
      inspectionsService,
      reportsService,
      campaignsService,
      unitsRepository,
      auditService,
      briefingsRepository: createBriefingsRepository(),
      recognition: createBriefingRecognitionSource({ db, recognitionRepository, campaignsRepository }),
      jointOperations: createBriefingJointOperationsSource({ db, jointOperationsRepository }),
    }),
    samplesService,
    sampleFollowUpService: createSampleFollowUpService({
      db,
      samplesService,
      samplesRepository,
      leadsService,
      auditService,
    }),
    sampleAttachmentsService: createSampleAttachmentsService({
      db,
      samplesService,
      sampleAttachmentsRepository: createSampleAttachmentsRepository(),
      auditService,
    }),
    sampleImportService: createSampleImportService({
      db,
      samplesRepository,
      campaignsService,
      calendarService,
      auditService,
      importProgress,
    }),
    jointOperationsService: createJointOperationsService({
      db,
      jointOperationsRepository,
      campaignsService,
      campaignsRepository,
      unitsRepository,
      auditService,
    }),
    caseReviewsService,
    supervisionBulletinsService: createSupervisionBulletinsService({
      db,
      campaignsService,
      caseReviewsService,
      unitsRepository,
      auditService,
      supervisionBulletinsRepository: createSupervisionBulletinsRepository(),
    }),
    statTablesService,
    unitComparisonService,
    divisionMapsService: createDivisionMapsService(),
    reportsService,
    notificationsService,
    notificationEmailsService,
    /** The durable jobs (platform/jobs), started by main.ts: scheduled scans and the work they queue. */
    reportReminders,
    caseClockReminders,
    leadClockReminders,
    caseSupervisionReminders,
    rectificationReminders,
    taskProgressReminders,
    rollupMaintenance,
    jobs: [
      reportReminders,
      caseClockReminders,
      leadClockReminders,
      caseSupervisionReminders,
      rectificationReminders,
      taskProgressReminders,
      rollupMaintenance,
      ...(notificationEmailsService.enabled ? [notificationEmails] : []),
    ],
    reportAttachmentsService: createReportAttachmentsService({
      db,
      reportsService,
      reportAttachmentsRepository: createReportAttachmentsRepository(),
      auditService,
    }),
    commandScreenService: createCommandScreenService({ rollupsService, casesService, leadsService }),
    dashboardClocksService: createDashboardClocksService({ rollupsService, casesService, leadsService }),
    caseSupervisionService: createCaseSupervisionService({
      db,
      caseSupervisionRepository,
      casesService,
      campaignsService,
      unitsRepository,
      usersRepository,
      calendarService,
      auditService,
      notificationsService,
    }),
    majorEventsService: createMajorEventsService({
      db,
      majorEventsRepository: createMajorEventsRepository(),
      campaignsService,
      campaignsRepository,
      unitsRepository,
      auditService,
    }),
    rectificationsService,
    creditService,
    publicationExport: createPublicationExport({ db, creditService, campaignsRepository }),
    kpisService,
    rectificationLedger: createRectificationLedger({ db, rectificationsRepository, unitsRepository, campaignsService }),
    rectificationAttachmentsService: createRectificationAttachmentsService({
      db,
      rectificationsService,
      rectificationsRepository,
      auditService,
    }),
    importProgress,
    leadImportService: createLeadImportService({
      db,
      leadsRepository,
      campaignsService,
      calendarService,
      auditService,
      importProgress,
      rollups: rollupsService,
    }),
    leadsService,
    liaisonsService,
    campaignTemplatesService: createCampaignTemplatesService({ db, unitsRepository, campaignsService }),
    campaignDocumentsService: createCampaignDocumentsService({
      campaignsService,
      liaisonsService,
      supervisionAreas: supervisionService,
    }),
    auditService,
    accessCache,
    authService: createAuthService({
      db,
      accessCache,
      sessionsRepository,
      usersRepository,
      unitsRepository,
      auditService,
      throttle:
        opts.throttle ??
        createLoginThrottle({ db, throttleRepository: createThrottleRepository(), sessionsRepository }),
    }),
    unitsService: createUnitsService({
      db,
      accessChanged: accessCache.forget,
      unitsRepository,
      sessionsRepository,
      auditService,
      afterMove: (tx) => rollupsService.rebuild(tx),
      federatedRoots: async () => (await federationRepository.provinces(db)).map((p) => p.unitId),
    }),
    usersService: createUsersService({
      db,
      usersRepository,
      sessionsRepository,
      auditService,
      accessChanged: accessCache.forget,
    }),
    userPreferencesService: createUserPreferencesService({
      db,
      userPreferencesRepository: createUserPreferencesRepository(),
    }),
    calendarService,
    federationService,
  };
}

export type Services = ReturnType<typeof createServices>;
