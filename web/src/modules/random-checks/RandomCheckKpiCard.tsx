import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useRandomCheckKpis } from './api';
import { formatRate } from '../../lib/format';

/** 双随机 on a campaign, this period: coverage of the register and publication of results, against the plan's KPIs. */
export function RandomCheckKpiCard({ campaignId }: { campaignId: string }) {
  const t = useT();
  const kpis = useRandomCheckKpis(campaignId);
  const k = kpis.data;
  return (
    <Card
      size="small"
      title={k ? t('randomChecks.kpiTitlePeriod', { period: k.period.label }) : t('randomChecks.kpiTitle')}
      loading={kpis.isPending}
      extra={<Link to="/random-checks">{t('randomChecks.kpiOpen')}</Link>}
    >
      {kpis.isError && <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>}
      {k && (
        <Flex vertical gap={12}>
          <Row gutter={12}>
            <Col span={12}>
              <Statistic
                title={t('randomChecks.coverage')}
                value={formatRate(k.coverage)}
                styles={{
                  content: {
                    color:
                      k.coverage !== null && k.coverageTarget !== null && k.coverage >= k.coverageTarget
                        ? '#389e0d'
                        : '#cf1322',
                  },
                }}
              />
              <Typography.Text type="secondary">
                {t('randomChecks.coverageDetail', {
                  inspected: k.inspectedEntities,
                  registered: k.registered,
                  target: formatRate(k.coverageTarget),
                })}
              </Typography.Text>
            </Col>
            <Col span={12}>
              <Statistic
                title={t('randomChecks.publicationRate')}
                value={formatRate(k.publicationRate)}
                styles={{
                  content: {
                    color:
                      k.publicationRate !== null &&
                      k.publicationTarget !== null &&
                      k.publicationRate >= k.publicationTarget
                        ? '#389e0d'
                        : '#cf1322',
                  },
                }}
              />
              <Typography.Text type="secondary">
                {t('randomChecks.publicationDetail', { published: k.published, completed: k.completed })}
              </Typography.Text>
            </Col>
          </Row>
          <Progress
            percent={k.drawn ? Math.round((k.completed / k.drawn) * 100) : 0}
            size="small"
            format={() => t('randomChecks.progressValue', { done: k.completed, total: k.drawn })}
          />
        </Flex>
      )}
    </Card>
  );
}
