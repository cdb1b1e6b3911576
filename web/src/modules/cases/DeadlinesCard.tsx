import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useLeads } from '../leads/api';
import { useCases } from './api';
import { CLOCK_STAGES, dueTone } from './ledger';
import { todayIso } from '../../lib/records/today';

/**
 * The dashboard's deadlines: cases past their decision date or due within ten days, leads past or
 * near the end of their verification, in the user's unit and below. Each number opens the list.
 */
export function DeadlinesCard() {
  const t = useT();
  const navigate = useNavigate();
  const today = todayIso();
  const overdueCases = useCases({ overdue: 'true', page: 1, pageSize: 1 });
  // The API filters overdue cases but not those due soon: read the cases whose clock runs (200 at
  // most) and count here.
  const running = useCases({ stage: CLOCK_STAGES, page: 1, pageSize: 200 });
  const overdueLeads = useLeads({ due: 'overdue', page: 1, pageSize: 1 });
  const dueSoonLeads = useLeads({ due: 'due_soon', page: 1, pageSize: 1 });
  const soonCases = (running.data?.items ?? []).filter((c) => dueTone(c.decisionDueDate, today) === 'soon').length;
  const partial = (running.data?.total ?? 0) > (running.data?.items.length ?? 0);

  const stats = [
    {
      key: 'overdueCases',
      title: t('home.overdueCases'),
      value: overdueCases.data?.total,
      loading: overdueCases.isPending,
      to: '/cases?overdue=true',
      danger: true,
    },
    {
      key: 'dueSoonCases',
      title: t('home.dueSoonCases'),
      value: running.data ? (partial ? `${soonCases}+` : soonCases) : undefined,
      loading: running.isPending,
      to: `/cases?${CLOCK_STAGES.map((s) => `stage=${s}`).join('&')}`,
      hint: partial ? t('home.dueSoonPartial') : undefined,
    },
    {
      key: 'overdueLeads',
      title: t('home.overdueLeads'),
      value: overdueLeads.data?.total,
      loading: overdueLeads.isPending,
      to: '/leads?due=overdue',
      danger: true,
    },
    {
      key: 'dueSoonLeads',
      title: t('home.dueSoonLeads'),
      value: dueSoonLeads.data?.total,
      loading: dueSoonLeads.isPending,
      to: '/leads?due=due_soon',
    },
  ];

  return (
    <Card title={t('home.deadlines')} style={{ marginBottom: 16 }} className="rs-deadlines">
      <Row gutter={[16, 16]}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} lg={6}>
            <Tooltip title={s.hint}>
              <Card
                hoverable
                size="small"
                role="link"
                onClick={() => navigate(s.to)}
                className={`rs-deadline rs-deadline-${s.key}`}
              >
                <Statistic
                  title={s.title}
                  value={s.value ?? 0}
                  loading={s.loading}
                  styles={{
                    content: {
                      color:
                        s.danger && Number(String(s.value ?? 0).replace('+', '')) > 0
                          ? '#cf1322'
                          : s.value
                            ? '#d46b08'
                            : undefined,
                    },
                  }}
                />
              </Card>
            </Tooltip>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
