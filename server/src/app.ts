import { registerNotificationsRoutes } from './modules/notifications/notifications.routes';
import { registerNotificationEmailsRoutes } from './modules/notifications/notification-emails.routes';
import type { Mailer, MailSettings } from './platform/mail/mailer';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config';
import type { Database } from './db/database';
import { installErrorHandling, type App } from './platform/http';
import { installPublicRateLimit, installSecurityHeaders } from './platform/http-security';
import { installInputGuards } from './platform/input-guards';
import { installReadRouting } from './platform/read-routing';
import { installMetrics, type Metrics, type MetricsOptions } from './platform/metrics';
import { createServices, type Services } from './services';
import type { AuditAnchor } from './modules/audit/audit.anchor';
import { installAuth } from './modules/auth/auth.plugin';
import { ACCESS_CHANGED_CHANNEL } from './platform/access-cache';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerUnitsRoutes } from './modules/units/units.routes';
import { registerUsersRoutes } from './modules/users/users.routes';
import { registerUserPreferencesRoutes } from './modules/users/user-preferences.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes';
import { registerCampaignsRoutes } from './modules/campaigns/campaigns.routes';
import { registerLiaisonsRoutes } from './modules/campaigns/liaisons.routes';
import { registerCasesRoutes } from './modules/cases/cases.routes';
import { registerLeadsRoutes } from './modules/leads/leads.routes';
import { registerCaseImportRoutes } from './modules/cases/case-import.routes';
import { registerCaseAttachmentsRoutes } from './modules/cases/case-attachments.routes';
import { registerImportsRoutes } from './modules/imports/imports.routes';
import { registerLeadImportRoutes } from './modules/leads/lead-import.routes';
import multipart from '@fastify/multipart';
import { registerRollupsRoutes } from './modules/rollups/rollups.routes';
import { registerDashboardsRoutes } from './modules/dashboards/dashboards.routes';
import { registerReportsRoutes } from './modules/reports/reports.routes';
import { registerApprovalsRoutes } from './modules/approvals/approvals.routes';
import { registerInspectionAttachmentsRoutes } from './modules/inspections/inspection-attachments.routes';
import { registerReportAttachmentsRoutes } from './modules/reports/report-attachments.routes';
import { registerMajorEventsRoutes } from './modules/major-events/major-events.routes';
import { registerRecognitionRoutes } from './modules/recognition/recognition.routes';
import { registerWorkPlansRoutes } from './modules/work-plans/work-plans.routes';
import { registerTransfersRoutes } from './modules/transfers/transfers.routes';
import { registerCaseCarryForwardRoutes } from './modules/cases/case-carry-forward.routes';
import { registerCaseSupervisionRoutes } from './modules/case-supervision/case-supervision.routes';
import { registerCreditRoutes } from './modules/credit/credit.routes';
import { registerRectificationsRoutes } from './modules/rectifications/rectifications.routes';
import { registerFieldRectificationsRoutes } from './modules/rectifications/field-rectifications.routes';
import { registerStatTablesRoutes } from './modules/rollups/stat-tables.routes';
import { registerUnitComparisonRoutes } from './modules/rollups/unit-comparison.routes';
import { registerMapsRoutes } from './modules/maps/maps.routes';
import { registerCommandScreenRoutes } from './modules/command-screen/command-screen.routes';
import { registerKpisRoutes } from './modules/kpis/kpis.routes';
import { registerRandomChecksRoutes } from './modules/random-checks/random-checks.routes';
import { registerMarketEntitiesRoutes } from './modules/market-entities/market-entities.routes';
import { registerInspectionImportRoutes, registerInspectionsRoutes } from './modules/inspections/inspections.routes';
import { registerCaseReviewsRoutes } from './modules/case-reviews/case-reviews.routes';
import { registerScorecardsRoutes } from './modules/scorecards/scorecards.routes';
import { registerSupervisionBulletinsRoutes } from './modules/supervision-bulletins/supervision-bulletins.routes';
import { registerBriefingsRoutes } from './modules/briefings/briefings.routes';
import { registerJointOperationsRoutes } from './modules/joint-operations/joint-operations.routes';
import { registerSeizedGoodsImportRoutes, registerSeizedGoodsRoutes } from './modules/seized-goods/seized-goods.routes';
import { registerSampleImportRoutes, registerSamplesRoutes } from './modules/samples/samples.routes';
import { registerSampleAttachmentsRoutes } from './modules/samples/sample-attachments.routes';
import { registerSupervisionRoutes } from './modules/supervision/supervision.routes';
import { registerSupervisionVisitRoutes } from './modules/supervision/supervision-visits.routes';
import { registerTaskProgressRoutes } from './modules/task-progress/task-progress.routes';
import { registerAssistanceRoutes } from './modules/assistance/assistance.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerDisclosuresRoutes } from './modules/disclosures/disclosures.routes';
import { registerInboxRoutes } from './modules/inbox/inbox.routes';
import { APP_VERSION, createHealthService } from './modules/health/health.service';

// Validation messages in Chinese (zod's built-in zh-CN locale) unless a schema gives its own.
z.config(z.locales.zhCN());

export interface BuildAppOptions {
  database: Pick<Database, 'db' | 'kind'> & Partial<Pick<Database, 'poolStats' | 'reader' | 'replica' | 'listen'>>;
  config: Pick<AppConfig, 'secureCookies' | 'webDist'> & Partial<Pick<AppConfig, 'trustProxy'>>;
  logger?: FastifyServerOptions['logger'];
  /** Replace parts of the wiring (tests pass a throttle with a fake clock, for instance). */
  services?: Services;
  /** The audit key and checkpoint file (main.ts loads them); without, see `createServices`. */
  audit?: AuditAnchor;
  /** 邮件通知: SMTP settings and transport (main.ts); without, no e-mail. */
  mail?: { settings: MailSettings; mailer: Mailer };
  /** Prometheus metrics at GET /metrics (platform/metrics.ts); without, no metrics and no route. */
  metrics?: Omit<MetricsOptions, 'poolStats'>;
}

/** The composition root: wires services to routes. Routes → services → repositories, never back. */
export async function buildApp(
  opts: BuildAppOptions,
): Promise<{ app: App; services: Services; metrics: Metrics | undefined }> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    // request.ip is the client's address from X-Forwarded-For only when the request comes from a
    // configured proxy (TRUST_PROXY); the login throttle counts by it.
    trustProxy: opts.config.trustProxy?.length ? opts.config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'RedShield 红盾 API',
        version: APP_VERSION,
        description: '市场监管专项行动管理平台接口。错误以 application/problem+json 返回。',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  // Uploads (imports, attachments) are streamed; each route sets its own size limit.
  await app.register(multipart, { limits: { files: 1, fields: 10 } });
  installErrorHandling(app);
  // Headers (CSP, framing, nosniff, referrer), the public routes' limit, NUL refused (400).
  await installSecurityHeaders(app, { https: opts.config.secureCookies });
  await installPublicRateLimit(app);
  installInputGuards(app);
  const metrics = opts.metrics
    ? installMetrics(app, {
        ...opts.metrics,
        poolStats: opts.database.poolStats,
        replica: opts.database.replica,
        // Read at scrape time, when the services exist.
        federation: () => services.federationService.subscriptionStates(),
      })
    : undefined;
  // DATABASE_READ_URL: the heavy reads' replica and read-your-own-writes (platform/read-routing.ts).
  if (opts.database.replica)
    installReadRouting(app, opts.database.replica, { secureCookies: opts.config.secureCookies });

  const services =
    opts.services ??
    createServices(opts.database.db, { audit: opts.audit, mail: opts.mail, reader: opts.database.reader });
  installAuth(app, services.authService);
  // Sessions and list scopes are kept for seconds only while the database's change signal is heard.
  if (opts.database.listen) {
    const stopListening = await opts.database.listen(ACCESS_CHANGED_CHANNEL, {
      notify: () => services.accessCache.forget(),
      hearing: (on) => services.accessCache.listening(on),
    });
    app.addHook('onClose', stopListening);
  }

  registerHealthRoutes(app, createHealthService(opts.database));
  registerAuthRoutes(app, services.authService, opts.config);
  registerUnitsRoutes(app, services.unitsService);
  registerUsersRoutes(app, services.usersService);
  registerUserPreferencesRoutes(app, services.userPreferencesService);
  registerAuditRoutes(app, services.auditService);
  registerCalendarRoutes(app, services.calendarService);
  registerCampaignsRoutes(app, services.campaignsService, services.campaignTemplatesService);
  registerLiaisonsRoutes(app, services.liaisonsService, services.campaignDocumentsService);
  registerCasesRoutes(app, services.casesService, services.caseDocumentsService);
  registerLeadsRoutes(app, services.leadsService);
  registerCaseImportRoutes(app, services.caseImportService);
  registerCaseAttachmentsRoutes(app, services.caseAttachmentsService);
  registerLeadImportRoutes(app, services.leadImportService);
  registerInspectionsRoutes(app, services.inspectionsService);
  registerInspectionImportRoutes(app, services.inspectionImportService);
  registerInspectionAttachmentsRoutes(app, services.inspectionAttachmentsService);
  registerRandomChecksRoutes(app, services.randomChecksService, services.randomCheckLeadsService);
  registerMarketEntitiesRoutes(app, services.marketEntitiesService, services.frequencyRulesService);
  registerKpisRoutes(app, services.kpisService);
  registerRollupsRoutes(app, services.rollupsService, services.statTablesService);
  registerDashboardsRoutes(app, services.dashboardsService, services.dashboardClocksService);
  registerReportsRoutes(app, services.reportsService);
  registerNotificationsRoutes(app, services.notificationsService);
  registerNotificationEmailsRoutes(app, services.notificationEmailsService);
  registerInboxRoutes(app, services.inboxService);
  registerReportAttachmentsRoutes(app, services.reportAttachmentsService);
  registerMajorEventsRoutes(app, services.majorEventsService);
  registerDisclosuresRoutes(app, services.disclosuresService, services.consumerWarningsService);
  registerRecognitionRoutes(app, services.typicalSelectionService, services.commendationsService);
  registerWorkPlansRoutes(app, services.workPlansService);
  registerTransfersRoutes(app, services.transfersService, services.criminalThresholdsService);
  registerCaseCarryForwardRoutes(app, services.caseCarryForwardService);
  registerCaseSupervisionRoutes(app, services.caseSupervisionService);
  registerRectificationsRoutes(
    app,
    services.rectificationsService,
    services.rectificationLedger,
    services.rectificationAttachmentsService,
  );
  registerFieldRectificationsRoutes(app, services.fieldRectificationsService);
  registerCreditRoutes(app, services.creditService, services.publicationExport);
  registerStatTablesRoutes(app, services.statTablesService);
  registerUnitComparisonRoutes(app, services.unitComparisonService);
  registerMapsRoutes(app, services.divisionMapsService);
  registerCommandScreenRoutes(app, services.commandScreenService);
  registerBriefingsRoutes(app, services.briefingsService);
  registerJointOperationsRoutes(app, services.jointOperationsService);
  registerSamplesRoutes(app, services.samplesService, services.sampleFollowUpService);
  registerSampleAttachmentsRoutes(app, services.sampleAttachmentsService);
  registerSampleImportRoutes(app, services.sampleImportService);
  registerCaseReviewsRoutes(app, services.caseReviewsService);
  registerScorecardsRoutes(app, services.scorecardsService);
  registerSupervisionBulletinsRoutes(app, services.supervisionBulletinsService);
  registerSupervisionRoutes(app, services.supervisionService);
  registerSupervisionVisitRoutes(app, services.supervisionService);
  registerTaskProgressRoutes(app, services.taskProgressService);
  registerAssistanceRoutes(app, services.assistanceService);
  registerImportsRoutes(app, services.importProgress);
  registerApprovalsRoutes(app, services.approvalsService);
  registerSeizedGoodsRoutes(app, services.seizedGoodsService, services.seizedGoodsAttachmentsService);
  registerSeizedGoodsImportRoutes(app, services.seizedGoodsImportService);

  const webDist = opts.config.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes in the browser: any other GET outside /api answers its index page.
    app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return { app, services, metrics };
}
