import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT, type MessageKey } from '../../../locales/i18n';
import { useCases } from '../../cases/api';
import { useLeads } from '../../leads/api';
import { listLink } from './panel-figures';
import type { PanelProps } from './panel-props';

const FIRST = 5;

interface DueItem {
  key: string;
  to: string;
  title: string;
  unitName: string | null;
  dueDate: string;
  overdue: boolean;
}

const byDue = (a: DueItem, b: DueItem) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key);

/**
 * 办理期限: cases whose 90-day decision clock is overdue or ends within 10 days, leads whose
 * verification clock is overdue or ends within 3 working days, in the unit's subtree (none: the
 * user's scope) — the counts of the ledgers' own filters, and the first due of each. A number
 * opens the ledger with that filter.
 */
export function ClocksPanel({ campaignId, unitId }: PanelProps) {
  const t = useT();
  const navigate = useNavigate();
  const scope = { campaignId, ...(unitId ? { unitId } : {}) };
  const page = { page: 1, pageSize: FIRST };
  const overdueCases = useCases({ ...scope, overdue: 'true', ...page });
  const soonCases = useCases({ ...scope, dueSoon: 'true', ...page });
  const overdueLeads = useLeads({ ...scope, due: 'overdue', ...page });
  const soonLeads = useLeads({ ...scope, due: 'due_soon', ...page });

  const tiles: {
    key: string;
    label: MessageKey;
    q: typeof overdueCases | typeof overdueLeads;
    to: string;
    danger: boolean;
  }[] = [
    {
      key: 'overdueCases',
      label: 'dashboardPanels.clocksOverdueCases',
      q: overdueCases,
      to: listLink('/cases', { ...scope, overdue: 'true' }),
      danger: true,
    },
    {
      key: 'soonCases',
      label: 'dashboardPanels.clocksSoonCases',
      q: soonCases,
      to: listLink('/cases', { ...scope, dueSoon: 'true' }),
      danger: false,
    },
    {
      key: 'overdueLeads',
      label: 'dashboardPanels.clocksOverdueLeads',
      q: overdueLeads,
      to: listLink('/leads', { ...scope, due: 'overdue' }),
      danger: true,
    },
    {
      key: 'soonLeads',
      label: 'dashboardPanels.clocksSoonLeads',
      q: soonLeads,
      to: listLink('/leads', { ...scope, due: 'due_soon' }),
      danger: false,
    },
  ];

  const caseItems = (rows: NonNullable<typeof overdueCases.data>['items'] = []): DueItem[] =>
    rows.flatMap((c) =>
      c.decisionDueDate
        ? [
            {
              key: `c${c.id}`,
              to: `/cases/${c.id}`,
              title: c.name,
              unitName: c.unitName,
              dueDate: c.decisionDueDate,
              overdue: c.overdue,
            },
          ]
        : [],
    );
  const leadItems = (rows: NonNullable<typeof overdueLeads.data>['items'] = []): DueItem[] =>
    rows.flatMap((l) =>
      l.dueDate
        ? [
            {
              key: `l${l.id}`,
              to: `/leads/${l.id}`,
              title: l.partyName,
              unitName: l.unitName,
              dueDate: l.dueDate,
              overdue: l.overdue,
            },
          ]
        : [],
    );
  const first = [
    ...caseItems(overdueCases.data?.items),
    ...caseItems(soonCases.data?.items),
    ...leadItems(overdueLeads.data?.items),
    ...leadItems(soonLeads.data?.items),
  ]
    .sort(byDue)
    .slice(0, FIRST);
  const failed = tiles.some((x) => x.q.isError);
  const loaded = tiles.every((x) => x.q.isSuccess);

  return (
    <Card size="small" title={t('dashboardPanels.clocksTitle')} className="rs-panel-clocks">
      <Row gutter={[12, 12]} align="stretch">
        {tiles.map((x) => {
          const value = x.q.data?.total ?? 0;
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
                  loading={x.q.isPending}
                  styles={{ content: { color: value > 0 ? (x.danger ? '#cf1322' : '#d46b08') : undefined } }}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      {failed && <Typography.Text type="danger">{t('dashboardPanels.loadFailed')}</Typography.Text>}
      {loaded && (
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
