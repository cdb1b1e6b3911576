import type { ReactNode } from 'react';
import { Button, Card, Result, Skeleton } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';

/**
 * The record modules with a page per record. Each has `<kind>.title`, `<kind>.notFound` and
 * `<kind>.backToList` in the locale files, and its list at `/<kind>`.
 */
export type RecordKind = 'cases' | 'leads' | 'inspections' | 'campaigns';

interface RecordPageStatusProps {
  kind: RecordKind;
  /** Still loading: a skeleton of the page. */
  loading: boolean;
  /** The load failed: a 404 says the record is not there (or not the user's to see), else the error and a retry. */
  error: unknown;
  onRetry: () => void;
  /** The page title shown with a 404 or an error (the kind's title unless given). */
  title?: ReactNode;
  /** The title while loading (a skeleton line unless given). */
  loadingTitle?: ReactNode;
  /** How many skeleton lines the page's body has while loading. */
  rows?: number;
  /** Whether the way back to the list (on a 404) is the page's primary button. */
  backPrimary?: boolean;
}

/**
 * The shell of a record's page (a case, a lead, an outing, a campaign) before the record is there:
 * loading, not found (404) or failed. A page returns it while it has no data:
 * `if (!query.data) return <RecordPageStatus kind="cases" {...queryStatus(query)} />`.
 */
export function RecordPageStatus({ kind, loading, error, onRetry, title, loadingTitle, rows = 8, backPrimary = true }: RecordPageStatusProps) {
  const t = useT();
  const navigate = useNavigate();
  if (loading) {
    return (
      <PageContainer title={loadingTitle ?? <Skeleton.Input active />}>
        <Card>
          <Skeleton active paragraph={{ rows }} />
        </Card>
      </PageContainer>
    );
  }
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <PageContainer title={title ?? t(`${kind}.title`)}>
      {missing ? (
        <Result
          status="404"
          title="404"
          subTitle={t(`${kind}.notFound`)}
          extra={
            <Button type={backPrimary ? 'primary' : undefined} onClick={() => navigate(`/${kind}`)}>
              {t(`${kind}.backToList`)}
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
