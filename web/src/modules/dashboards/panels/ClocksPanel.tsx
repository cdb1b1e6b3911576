import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT, type MessageKey } from '../../../locales/i18n';
import { useDashboardClocks, type DashboardClocks } from '../api';
import { listLink } from './panel-figures';
import type { PanelProps } from './panel-props';

/**
 * 办理期限: cases whose 90-day decision clock is overdue or ends within 10 days, leads whose
 * verification clock is overdue or ends within 3 working days, in the unit's subtree (none: the
 * user's scope) — counted by the roll-up, equal to the ledgers' own filters' totals, and the first due. A number
 * opens the ledger with that filter.
 */
export function ClocksPanel({ campaignId, unitId }: PanelProps) {
  const t = useT();
  const navigate = useNavigate();
  const scope = { campaignId, ...(unitId ? { unitId } : {}) };
  const q = useDashboardClocks(scope);
  const tiles: { key: keyof DashboardClocks['counts']; label: MessageKey; to: string; danger: boolean }[] = [
    {
      key: 'overdueCases',
      label: 'dashboardPanels.clocksOverdueCases',
      to: listLink('/cases', { ...scope, overdue: 'true' }),
      danger: true,
    },
    {
      key: 'dueSoonCases',
      label: 'dashboardPanels.clocksSoonCases',
      to: listLink('/cases', { ...scope, dueSoon: 'true' }),
      danger: false,
    },
    {
      key: 'overdueLeads',
      label: 'dashboardPanels.clocksOverdueLeads',
      to: listLink('/leads', { ...scope, due: 'overdue' }),
      danger: true,
    },
    {
      key: 'dueSoonLeads',
      label: 'dashboardPanels.clocksSoonLeads',
      to: listLink('/leads', { ...scope, due: 'due_soon' }),
      danger: false,
    },
  ];
  const first = (q.data?.first ?? []).map((f) => ({
    ...f,
    key: `${f.kind}${f.id}`,
    to: f.kind === 'case' ? `/cases/${f.id}` : `/leads/${f.id}`,
  }));

  return (
    <Card size="small" title={t('dashboardPanels.clocksTitle')} className="rs-panel-clocks">
      <Row gutter={[12, 12]} align="stretch">
        {tiles.map((x) => {
          const value = q.data?.counts[x.key] ?? 0;
          return (
            <Col key={x.key} xs={12} xl={6} style={{ display: 'flex' }}>
              <Card
                style={{ flex: 1 }}
                hoverable
                size="small"
                role="link"
                onClick={() => navigate(x.to)}
                className={`rs-panel-clock-${x.key}`}
              >
                <Statistic
                  title={t(x.label)}
                  value={value}
                  loading={q.isPending}
                  styles={{ content: { color: value > 0 ? (x.danger ? '#cf1322' : '#d46b08') : undefined } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      {q.isError && <Typography.Text type="danger">{t('dashboardPanels.loadFailed')}</Typography.Text>}
      {q.isSuccess && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          header={<Typography.Text type="secondary">{t('dashboardPanels.clocksFirst')}</Typography.Text>}
          locale={{ emptyText: t('dashboardPanels.clocksNone') }}
          dataSource={first}
          renderItem={(item) => (
            <List.Item
              key={item.key}
              extra={
                <Tag color={item.overdue ? 'red' : 'orange'}>
                  {t('dashboardPanels.clocksDue', { date: item.dueDate })}
                </Tag>
              }
            >
              <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
                <Link to={item.to}>{item.title}</Link>
                {item.unitName && <Typography.Text type="secondary"> · {item.unitName}</Typography.Text>}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
