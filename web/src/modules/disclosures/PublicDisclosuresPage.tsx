import { useState } from 'react';
import { Card, Col, Empty, Flex, List, Pagination, Row, Tag, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PublicPage } from '../../app/PublicPage';
import { LoadError } from '../../app/StatusPages';
import { usePublicDisclosures, usePublicWarnings } from './api';

/**
 * 典型案例曝光 with 消费警示 beside it, for anyone, without login: only what a 局领导 approved (cases)
 * or the office published (warnings). The server sends no person's data at all; this page shows
 * what it gets. One column on a phone.
 */
export function PublicDisclosuresPage() {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const disclosures = usePublicDisclosures(page);
  const warnings = usePublicWarnings();

  return (
    <PublicPage title={t('disclosures.publicTitle')} staffLogin={t('disclosures.staffLogin')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('disclosures.publicCases')} className="rs-public-disclosures">
            {disclosures.isError ? (
              <LoadError error={disclosures.error} onRetry={() => void disclosures.refetch()} />
            ) : (
              <Flex vertical gap={16}>
                {(disclosures.data?.items ?? []).map((d) => (
                  <article key={d.id} className="rs-public-disclosure">
                    <Typography.Title level={5} style={{ marginBottom: 4 }}>
                      {d.title}
                    </Typography.Title>
                    <Flex gap={8} wrap style={{ marginBottom: 8 }}>
                      <Tag color="red">{d.categoryLabel}</Tag>
                      <Typography.Text type="secondary">
                        {t('disclosures.publicMeta', {
                          party: d.partyDisplayName,
                          date: formatDate(d.decisionDate),
                          unit: d.unitName,
                        })}
                      </Typography.Text>
                    </Flex>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {d.body}
                    </Typography.Paragraph>
                  </article>
                ))}
                {disclosures.data && disclosures.data.items.length === 0 && (
                  <Empty description={t('disclosures.publicNone')} />
                )}
                {(disclosures.data?.total ?? 0) > page.pageSize && (
                  <Pagination
                    current={page.page}
                    pageSize={page.pageSize}
                    total={disclosures.data?.total ?? 0}
                    onChange={(p) => setPage((q) => ({ ...q, page: p }))}
                  />
                )}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('disclosures.warningsTab')} className="rs-public-warnings">
            {warnings.isError ? (
              <LoadError error={warnings.error} onRetry={() => void warnings.refetch()} />
            ) : (
              <List
                dataSource={warnings.data?.items ?? []}
                locale={{ emptyText: t('disclosures.warningsNone') }}
                renderItem={(w) => (
                  <List.Item>
                    <Flex vertical gap={4}>
                      <Flex gap={8} align="center" wrap>
                        <Tag color={w.kind === 'warning_notice' ? 'orange' : 'blue'}>{w.kindLabel}</Tag>
                        <Typography.Text strong>{w.title}</Typography.Text>
                      </Flex>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                        {w.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {w.unitName} {formatDate(w.issuedDate)}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </PublicPage>
  );
}
