import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useLeads } from '../leads/api';
import { useCases } from './api';

/**
 * The dashboard's deadlines: cases past their decision date or due within ten days, leads past or
 * near the end of their verification, in the user's unit and below. Each number opens the list.
 */
export function DeadlinesCard() {
  const t = useT();
  const navigate = useNavigate();
  const overdueCases = useCases({ overdue: 'true', page: 1, pageSize: 1 });
  const dueSoonCases = useCases({ dueSoon: 'true', page: 1, pageSize: 1 });
  const overdueLeads = useLeads({ due: 'overdue', page: 1, pageSize: 1 });
  const dueSoonLeads = useLeads({ due: 'due_soon', page: 1, pageSize: 1 });

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
      value: dueSoonCases.data?.total,
      loading: dueSoonCases.isPending,
      to: '/cases?dueSoon=true',
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
          </Col>
        ))}
      </Row>
    </Card>
  );
}
