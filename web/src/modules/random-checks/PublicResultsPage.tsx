import { Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PublicPage } from '../../app/PublicPage';
import { LoadError } from '../../app/StatusPages';
import { usePublicResults } from './api';

type PublicRow = NonNullable<ReturnType<typeof usePublicResults>['data']>['items'][number];

/**
 * 一公开: the published results of 双随机 checks, for anyone, without login. The server sends no
 * inspector or complainant data at all; this page shows what it gets.
 */
export function PublicResultsPage() {
  const t = useT();
  const [query, setQuery] = useState<{ q?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const results = usePublicResults(query);

  return (
    <PublicPage title={t('randomChecks.publicTitle')} staffLogin={t('randomChecks.staffLogin')}>
      <Card>
        <Typography.Paragraph type="secondary">{t('randomChecks.publicIntro')}</Typography.Paragraph>
        <Input.Search
          allowClear
          placeholder={t('randomChecks.publicSearch')}
          aria-label={t('randomChecks.publicSearch')}
          onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim() || undefined, page: 1 }))}
          style={{ maxWidth: 360, marginBottom: 16 }}
        />
        {results.isError ? (
          <LoadError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Table<PublicRow>
            rowKey={(r) => `${r.creditCode}-${r.drawName}-${r.checkDate}`}
            size="middle"
            loading={results.isFetching}
            dataSource={results.data?.items ?? []}
            scroll={{ x: 1200 }}
            columns={[
              { key: 'entity', title: t('randomChecks.entityName'), dataIndex: 'entityName', width: 240 },
              {
                key: 'code',
                title: t('randomChecks.creditCode'),
                dataIndex: 'creditCode',
                width: 200,
                render: (v: string) => <span className="rs-mono">{v}</span>,
              },
              { key: 'address', title: t('randomChecks.address'), dataIndex: 'address', width: 220, ellipsis: true },
              {
                key: 'date',
                title: t('randomChecks.checkDate'),
                dataIndex: 'checkDate',
                width: 110,
                render: (v: string | null) => formatDate(v),
              },
              { key: 'result', title: t('randomChecks.result'), dataIndex: 'resultLabel', width: 200 },
              { key: 'unit', title: t('randomChecks.checkedBy'), dataIndex: 'unitName', width: 140 },
              { key: 'draw', title: t('randomChecks.drawName'), dataIndex: 'drawName', ellipsis: true },
            ]}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: results.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) =>
                setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
            }}
          />
        )}
      </Card>
    </PublicPage>
  );
}
