import type { ReactNode } from 'react';
import { Button, Card, Result, Skeleton } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api';
import { useT, type MessageKey } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';

/**
 * The records with a page of their own: the strings of their 404 (title, what is missing, the way
 * back) and the list that way leads to.
 */
const RECORD_PAGES = {
  cases: { list: '/cases', title: 'cases.title', notFound: 'cases.notFound', back: 'cases.backToList' },
  leads: { list: '/leads', title: 'leads.title', notFound: 'leads.notFound', back: 'leads.backToList' },
  inspections: {
    list: '/inspections',
    title: 'inspections.title',
    notFound: 'inspections.notFound',
    back: 'inspections.backToList',
  },
  jointOperations: {
    list: '/joint-operations',
    title: 'jointOps.pageTitle',
    notFound: 'jointOps.notFound',
    back: 'jointOps.backToList',
  },
  seizedGoods: {
    list: '/seized-goods',
    title: 'seized.pageTitle',
    notFound: 'seized.notFound',
    back: 'seized.backToList',
  },
  samples: {
    list: '/samples',
    title: 'samples.pageTitle',
    notFound: 'samples.notFound',
    back: 'samples.backToList',
  },
  campaigns: {
    list: '/campaigns',
    title: 'campaigns.title',
    notFound: 'campaigns.notFound',
    back: 'campaigns.backToList',
  },
  marketEntities: {
    list: '/market-entities',
    title: 'entities.title',
    notFound: 'entities.notFound',
    back: 'entities.backToList',
  },
  draws: {
    list: '/random-checks',
    title: 'randomChecks.title',
    notFound: 'randomChecks.drawNotFound',
    back: 'randomChecks.backToList',
  },
  rectifications: {
    list: '/rectifications',
    title: 'rectifications.title',
    notFound: 'rectifications.notFound',
    back: 'rectifications.backToList',
  },
  supervisionVisits: {
    list: '/supervision/visits',
    title: 'supervision.visit',
    notFound: 'supervision.visitNotFound',
    back: 'supervision.backToVisits',
  },
  supervisionRounds: {
    list: '/supervision',
    title: 'supervision.round',
    notFound: 'supervision.roundNotFound',
    back: 'supervision.myGroups',
  },
  assistance: {
    list: '/assistance',
    title: 'assistance.title',
    notFound: 'assistance.notFound',
    back: 'assistance.backToList',
  },
  // A report's way back is its campaign (`backTo`): it has no list of its own.
  reports: {
    list: '/campaigns',
    title: 'reports.reportTitle',
    notFound: 'reports.notFound',
    back: 'campaigns.backToCampaign',
  },
} as const satisfies Record<string, { list: string; title: MessageKey; notFound: MessageKey; back: MessageKey }>;

export type RecordKind = keyof typeof RECORD_PAGES;

interface RecordPageStatusProps {
  kind: RecordKind;
  /** Still loading: a skeleton of the page. */
  loading: boolean;
  /** The load failed: a 404 says the record is not there (or not the user's to see), else the error and a retry. */
  error: unknown;
  onRetry: () => void;
  /** The address names no record (a part of its key is missing): the 404 at once, asking nothing. */
  notFound?: boolean;
  /** The page title shown with a 404 or an error (the kind's title unless given). */
  title?: ReactNode;
  /** The title while loading (a skeleton line unless given). */
  loadingTitle?: ReactNode;
  /** How many skeleton lines the page's body has while loading. */
  rows?: number;
  /** Whether the way back to the list (on a 404) is the page's primary button. */
  backPrimary?: boolean;
  /** Where the way back leads, when not to the kind's list. */
  backTo?: string;
}

/**
 * The shell of a record's page (a case, a lead, an outing, a campaign, a draw, a report) before
 * the record is there: loading, not found (404) or failed. A page returns it while it has no data:
 * `if (!query.data) return <RecordPageStatus kind="cases" {...queryStatus(query)} />`.
 */
export function RecordPageStatus({
  kind,
  loading,
  error,
  onRetry,
  notFound = false,
  title,
  loadingTitle,
  rows = 8,
  backPrimary = true,
  backTo,
}: RecordPageStatusProps) {
  const t = useT();
  const page = RECORD_PAGES[kind];
  const navigate = useNavigate();
  // A query that never runs (its key is incomplete) stays pending: without `notFound`, a skeleton forever.
  if (loading && !notFound) {
    return (
      <PageContainer title={loadingTitle ?? <Skeleton.Input active />}>
        <Card>
          <Skeleton active paragraph={{ rows }} />
        </Card>
      </PageContainer>
    );
  }
  const missing = notFound || (error instanceof ApiError && error.status === 404);
  return (
    <PageContainer title={title ?? t(page.title)}>
      {missing ? (
        <Result
          status="404"
          title="404"
          subTitle={t(page.notFound)}
          extra={
            <Button type={backPrimary ? 'primary' : undefined} onClick={() => navigate(backTo ?? page.list)}>
              {t(page.back)}
            </Button>
          }
        />
      ) : (
        <LoadError error={error} onRetry={onRetry} />
      )}
    </PageContainer>
  );
}

/** The loading, error and retry of one record's query, for RecordPageStatus. */
export const queryStatus = (query: { isPending: boolean; error: unknown; refetch: () => unknown }) => ({
  loading: query.isPending,
  error: query.error,
  onRetry: () => void query.refetch(),
});
