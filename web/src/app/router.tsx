import { lazy, Suspense, useCallback, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import { useT } from '../locales/i18n';
import { OfflineQueueProvider } from '../lib/offline/OfflineQueue';
import { LoginPage } from '../modules/auth/LoginPage';
import { useSession, type CurrentUser } from '../modules/auth/session';
import { permissions } from '../modules/auth/permissions';
import { caseRegistrar, opensCaseForm } from '../modules/cases/case-permissions';
import { DashboardPage } from '../modules/dashboards/DashboardPage';
import { AppLayout } from './AppLayout';
import { ForbiddenPage, LoadError, NotFoundPage, OfflineWithoutSession } from './StatusPages';

// Pages other than the dashboard load when first opened.
const UnitsPage = lazy(() => import('../modules/units/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../modules/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const ApprovalsPage = lazy(() =>
  import('../modules/approvals/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })),
);
const AuditPage = lazy(() => import('../modules/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const EmailFailuresPage = lazy(() =>
  import('../modules/notifications/EmailFailuresPage').then((m) => ({ default: m.EmailFailuresPage })),
);
const CampaignsPage = lazy(() =>
  import('../modules/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() => import('../modules/campaigns/CampaignPage').then((m) => ({ default: m.CampaignPage })));
const CampaignEditorPage = lazy(() =>
  import('../modules/campaigns/editor/CampaignEditorPage').then((m) => ({ default: m.CampaignEditorPage })),
);
const CaseSupervisionsPage = lazy(() =>
  import('../modules/case-supervision/CaseSupervisionsPage').then((m) => ({ default: m.CaseSupervisionsPage })),
);
const CasesPage = lazy(() => import('../modules/cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('../modules/cases/CasePage').then((m) => ({ default: m.CasePage })));
const CaseCreatePage = lazy(() =>
  import('../modules/cases/CaseCreatePage').then((m) => ({ default: m.CaseCreatePage })),
);
const TalentPoolPage = lazy(() =>
  import('../modules/recognition/TalentPoolPage').then((m) => ({ default: m.TalentPoolPage })),
);
const TransfersPage = lazy(() =>
  import('../modules/transfers/TransfersPage').then((m) => ({ default: m.TransfersPage })),
);
const ThresholdsPage = lazy(() =>
  import('../modules/transfers/ThresholdsPage').then((m) => ({ default: m.ThresholdsPage })),
);
const RectificationsPage = lazy(() =>
  import('../modules/rectifications/RectificationsPage').then((m) => ({ default: m.RectificationsPage })),
);
const AssistancePage = lazy(() =>
  import('../modules/assistance/AssistancePage').then((m) => ({ default: m.AssistancePage })),
);
const AssistanceRequestPage = lazy(() =>
  import('../modules/assistance/AssistanceRequestPage').then((m) => ({ default: m.AssistanceRequestPage })),
);
const RectificationPage = lazy(() =>
  import('../modules/rectifications/RectificationPage').then((m) => ({ default: m.RectificationPage })),
);
const CreditPage = lazy(() => import('../modules/credit/CreditPage').then((m) => ({ default: m.CreditPage })));
const LeadsPage = lazy(() => import('../modules/leads/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('../modules/leads/LeadPage').then((m) => ({ default: m.LeadPage })));
const LeadCreatePage = lazy(() =>
  import('../modules/leads/LeadCreatePage').then((m) => ({ default: m.LeadCreatePage })),
);
const ReportPage = lazy(() => import('../modules/reports/ReportPage').then((m) => ({ default: m.ReportPage })));
const JointOperationsPage = lazy(() =>
  import('../modules/joint-operations/JointOperationsPage').then((m) => ({ default: m.JointOperationsPage })),
);
const JointOperationPage = lazy(() =>
  import('../modules/joint-operations/JointOperationPage').then((m) => ({ default: m.JointOperationPage })),
);
const SeizedGoodsPage = lazy(() =>
  import('../modules/seized-goods/SeizedGoodsPage').then((m) => ({ default: m.SeizedGoodsPage })),
);
const SeizedGoodsRecordPage = lazy(() =>
  import('../modules/seized-goods/SeizedGoodsRecordPage').then((m) => ({ default: m.SeizedGoodsRecordPage })),
);
const SamplesPage = lazy(() => import('../modules/samples/SamplesPage').then((m) => ({ default: m.SamplesPage })));
const SamplePage = lazy(() => import('../modules/samples/SamplePage').then((m) => ({ default: m.SamplePage })));
const PassRatesPage = lazy(() =>
  import('../modules/samples/PassRatesPage').then((m) => ({ default: m.PassRatesPage })),
);
const InspectionsPage = lazy(() =>
  import('../modules/inspections/InspectionsPage').then((m) => ({ default: m.InspectionsPage })),
);
const MarketEntitiesPage = lazy(() =>
  import('../modules/market-entities/MarketEntitiesPage').then((m) => ({ default: m.MarketEntitiesPage })),
);
const EntityPage = lazy(() => import('../modules/market-entities/EntityPage').then((m) => ({ default: m.EntityPage })));
const InspectionPage = lazy(() =>
  import('../modules/inspections/InspectionPage').then((m) => ({ default: m.InspectionPage })),
);
const InspectionCreatePage = lazy(() =>
  import('../modules/inspections/InspectionFormPage').then((m) => ({ default: m.InspectionCreatePage })),
);
const InspectionEditPage = lazy(() =>
  import('../modules/inspections/InspectionFormPage').then((m) => ({ default: m.InspectionEditPage })),
);
const RandomChecksPage = lazy(() =>
  import('../modules/random-checks/RandomChecksPage').then((m) => ({ default: m.RandomChecksPage })),
);
const DrawPage = lazy(() => import('../modules/random-checks/DrawPage').then((m) => ({ default: m.DrawPage })));
const PublicResultsPage = lazy(() =>
  import('../modules/random-checks/PublicResultsPage').then((m) => ({ default: m.PublicResultsPage })),
);
const PublicDisclosuresPage = lazy(() =>
  import('../modules/disclosures/PublicDisclosuresPage').then((m) => ({ default: m.PublicDisclosuresPage })),
);
const DisclosuresPage = lazy(() =>
  import('../modules/disclosures/DisclosuresPage').then((m) => ({ default: m.DisclosuresPage })),
);
const DisclosurePage = lazy(() =>
  import('../modules/disclosures/DisclosurePage').then((m) => ({ default: m.DisclosurePage })),
);
const CaseReviewsPage = lazy(() =>
  import('../modules/case-reviews/CaseReviewsPage').then((m) => ({ default: m.CaseReviewsPage })),
);
const CaseReviewPage = lazy(() =>
  import('../modules/case-reviews/CaseReviewPage').then((m) => ({ default: m.CaseReviewPage })),
);
const MyGroupsPage = lazy(() =>
  import('../modules/supervision/MyGroupsPage').then((m) => ({ default: m.MyGroupsPage })),
);
const SupervisionRoundPage = lazy(() =>
  import('../modules/supervision/RoundPage').then((m) => ({ default: m.RoundPage })),
);
const SupervisionVisitsPage = lazy(() =>
  import('../modules/supervision/VisitsPage').then((m) => ({ default: m.VisitsPage })),
);
const SupervisionVisitPage = lazy(() =>
  import('../modules/supervision/VisitPage').then((m) => ({ default: m.VisitPage })),
);
const CommandScreenPage = lazy(() =>
  import('../modules/command-screen/CommandScreenPage').then((m) => ({ default: m.CommandScreenPage })),
);
const InboxPage = lazy(() => import('../modules/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const ComparisonPage = lazy(() =>
  import('../modules/maps/ComparisonPage').then((m) => ({ default: m.ComparisonPage })),
);
const CalendarPage = lazy(() => import('../modules/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));

/** Shows the login page until there is a session; the URL stays, so the user lands where they meant to. */
function SessionGate() {
  const t = useT();
  const session = useSession();
  const { refetch } = session;
  // One function across renders: the offline page listens for the network's return with it.
  const retry = useCallback(() => void refetch(), [refetch]);
  // Offline and nothing kept that still holds: the try failed, or the next one waits for the network.
  if ((session.isPending && session.fetchStatus === 'paused') || (session.isError && !navigator.onLine))
    return <OfflineWithoutSession onRetry={retry} />;
  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('common.loading')} />
      </Flex>
    );
  }
  if (session.isError) return <LoadError error={session.error} onRetry={retry} />;
  if (!session.data) return <LoginPage />;
  return (
    <OfflineQueueProvider>
      <Outlet />
    </OfflineQueueProvider>
  );
}

function Guard({ allowed, children }: { allowed: (user: CurrentUser) => boolean; children: ReactNode }) {
  const { data } = useSession();
  return data && allowed(data.user) ? children : <ForbiddenPage />;
}

export const router = createBrowserRouter([
  // 一公开: open to anyone, outside the session gate.
  {
    path: 'public/check-results',
    element: (
      <Suspense fallback={null}>
        <PublicResultsPage />
      </Suspense>
    ),
  },
  // 典型案例曝光 and 消费警示: open to anyone, outside the session gate.
  {
    path: 'public/disclosures',
    element: (
      <Suspense fallback={null}>
        <PublicDisclosuresPage />
      </Suspense>
    ),
  },
  {
    element: <SessionGate />,
    children: [
      // 大屏: full screen, outside the layout (no menu), opened in a tab of its own.
      {
        path: 'screen',
        element: (
          <Suspense fallback={null}>
            <CommandScreenPage />
          </Suspense>
        ),
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'case-reviews', element: <CaseReviewsPage /> },
          { path: 'case-reviews/:id', element: <CaseReviewPage /> },
          { path: 'campaigns', element: <CampaignsPage /> },
          {
            path: 'campaigns/new',
            element: (
              <Guard allowed={permissions.planCampaigns}>
                <CampaignEditorPage />
              </Guard>
            ),
          },
          { path: 'campaigns/:id', element: <CampaignPage /> },
          { path: 'campaigns/:id/edit', element: <CampaignEditorPage /> },
          { path: 'campaigns/:id/report', element: <ReportPage /> },
          { path: 'cases', element: <CasesPage /> },
          { path: 'case-supervisions', element: <CaseSupervisionsPage /> },
          { path: 'disclosures', element: <DisclosuresPage /> },
          { path: 'disclosures/:id', element: <DisclosurePage /> },
          {
            path: 'cases/new',
            element: (
              <Guard allowed={opensCaseForm}>
                <CaseCreatePage />
              </Guard>
            ),
          },
          { path: 'cases/:id', element: <CasePage /> },
          { path: 'approvals', element: <ApprovalsPage /> },
          { path: 'leads', element: <LeadsPage /> },
          {
            path: 'leads/new',
            element: (
              <Guard allowed={caseRegistrar}>
                <LeadCreatePage />
              </Guard>
            ),
          },
          { path: 'leads/:id', element: <LeadPage /> },
          { path: 'transfers', element: <TransfersPage /> },
          { path: 'transfers/thresholds', element: <ThresholdsPage /> },
          { path: 'rectifications', element: <RectificationsPage /> },
          { path: 'assistance', element: <AssistancePage /> },
          { path: 'assistance/:id', element: <AssistanceRequestPage /> },
          { path: 'talent-pool', element: <TalentPoolPage /> },
          { path: 'credit', element: <CreditPage /> },
          { path: 'rectifications/:id', element: <RectificationPage /> },
          { path: 'inspections', element: <InspectionsPage /> },
          { path: 'joint-operations', element: <JointOperationsPage /> },
          { path: 'joint-operations/:id', element: <JointOperationPage /> },
          { path: 'seized-goods', element: <SeizedGoodsPage /> },
          { path: 'seized-goods/:id', element: <SeizedGoodsRecordPage /> },
          { path: 'samples', element: <SamplesPage /> },
          { path: 'samples/pass-rates', element: <PassRatesPage /> },
          { path: 'samples/:id', element: <SamplePage /> },
          { path: 'inspections/new', element: <InspectionCreatePage /> },
          { path: 'inspections/:id', element: <InspectionPage /> },
          { path: 'market-entities', element: <MarketEntitiesPage /> },
          { path: 'market-entities/:id', element: <EntityPage /> },
          { path: 'inspections/:id/edit', element: <InspectionEditPage /> },
          { path: 'random-checks', element: <RandomChecksPage /> },
          { path: 'random-checks/draws/:id', element: <DrawPage /> },
          { path: 'supervision', element: <MyGroupsPage /> },
          { path: 'supervision/rounds/:id', element: <SupervisionRoundPage /> },
          { path: 'supervision/visits', element: <SupervisionVisitsPage /> },
          { path: 'supervision/visits/:id', element: <SupervisionVisitPage /> },
          { path: 'units', element: <UnitsPage /> },
          {
            path: 'users',
            element: (
              <Guard allowed={permissions.listUsers}>
                <UsersPage />
              </Guard>
            ),
          },
          {
            path: 'audit',
            element: (
              <Guard allowed={permissions.viewAudit}>
                <AuditPage />
              </Guard>
            ),
          },
          {
            path: 'email-failures',
            element: (
              <Guard allowed={permissions.manageEmailFailures}>
                <EmailFailuresPage />
              </Guard>
            ),
          },
          { path: 'comparison', element: <ComparisonPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
