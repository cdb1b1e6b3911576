import { useEffect } from 'react';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../locales/i18n';

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** A query that failed: what the server said, and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={detail}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/**
 * No network and no session to show: the login could not be read, and the service worker keeps no
 * answer that is still valid (public/sw.js: a kept answer lasts a session's idle limit). It is tried
 * again when the network returns (the browser's `online` event: TanStack Query's own reconnect does
 * not fire for a page that was opened offline), or by the button.
 */
export function OfflineWithoutSession({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [onRetry]);
  return (
    <Result
      status="warning"
      title={t('common.networkError')}
      subTitle={t('common.offlineNoSession')}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
