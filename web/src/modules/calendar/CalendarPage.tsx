import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { permissions } from '../auth/permissions';
import { useCurrentUser } from '../auth/session';
import { useCalendarYear } from './api';
import { groupHolidays } from './calendar';
import { Calculator } from './Calculator';
import { OverridesCard } from './OverridesCard';
import { YearView } from './YearView';

function Legend() {
  const t = useT();
  const items = [
    { color: '#fff1f0', border: '#cf1322', label: t('calendar.legendHoliday') },
    { color: '#e6f4ff', border: '#1677ff', label: t('calendar.legendMakeup') },
    { color: '#fafafa', border: '#d9d9d9', label: t('calendar.legendWeekend') },
    { color: '#fff', border: '#faad14', label: t('calendar.legendOverride') },
  ];
  return (
    <Space size={16} wrap>
      {items.map((i) => (
        <span key={i.label}>
          <span className="rs-legend-swatch" style={{ background: i.color, border: `1px solid ${i.border}` }} />
          {i.label}
        </span>
      ))}
    </Space>
  );
}

/** 工作日历: the year's holidays and make-up days, the administrator's overrides, and deadline arithmetic. */
export function CalendarPage() {
  const t = useT();
  const user = useCurrentUser();
  // The year in the address (?year=2027: the inbox's link to a year still to enter), else this year.
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : dayjs().year();
  const setYear = (y: number) => setSearch(y === dayjs().year() ? {} : { year: String(y) }, { replace: true });
  const calendar = useCalendarYear(year);
  const data = calendar.data?.year === year ? calendar.data : undefined;
  const runs = useMemo(() => groupHolidays(data?.days ?? []), [data]);
  const workingDays = data?.days.filter((d) => d.isWorkingDay).length ?? 0;

  return (
    <PageContainer
      title={t('calendar.title')}
      extra={
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs().year(year)}
          onChange={(d) => d && setYear(d.year())}
          disabledDate={(d) => d.year() < 2000 || d.year() > 2100}
          aria-label={t('calendar.year')}
        />
      }
    >
      {calendar.isError && !calendar.data ? (
        <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {data && !data.covered && (
            <Alert
              type="warning"
              showIcon
              title={t('calendar.notCovered', { year })}
              description={t('calendar.notCoveredDetail')}
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={17}>
              <Card
                title={
                  <Space size={12}>
                    <span>{year}</span>
                    {data && (
                      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                        {t('calendar.workingDays', { count: workingDays })}
                      </Typography.Text>
                    )}
                  </Space>
                }
                extra={<Legend />}
              >
                {data ? (
                  <YearView year={year} days={data.days} />
                ) : (
                  <Flex justify="center" style={{ padding: 48 }}>
                    <Spin />
                  </Flex>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={7}>
              <Card title={t('calendar.holidays')} styles={{ body: { maxHeight: 720, overflow: 'auto' } }}>
                {runs.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noHolidays')} />
                ) : (
                  <Flex vertical>
                    {runs.map((r) => (
                      <Flex
                        key={`${r.kind}-${r.from}`}
                        justify="space-between"
                        align="center"
                        gap={8}
                        className="rs-holiday-row"
                      >
                        <Space size={6}>
                          <Tag color={r.kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
                            {t(r.kind === 'holiday' ? 'calendar.holidayMark' : 'calendar.makeupMark')}
                          </Tag>
                          <span>{r.name}</span>
                        </Space>
                        <Typography.Text type="secondary">
                          {r.from === r.to ? r.from.slice(5) : `${r.from.slice(5)} ~ ${r.to.slice(5)}`}
                        </Typography.Text>
                      </Flex>
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
          </Row>
          <OverridesCard year={year} overrides={data?.overrides ?? []} canEdit={permissions.manageCalendar(user)} />
          <Calculator />
        </Flex>
      )}
    </PageContainer>
  );
}
