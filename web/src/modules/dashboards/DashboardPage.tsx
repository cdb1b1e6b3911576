import { useMemo, useRef, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PageContainer } from '../../app/PageContainer';
import { useUnitContext } from '../../app/UnitContext';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect } from '../../lib/records/pickers';
import { useListUnit } from '../../lib/records/useListUnit';
import { useT } from '../../locales/i18n';
import { useCurrentUser } from '../auth/session';
import { InboxCard } from '../inbox/InboxCard';
import { RemindersCard } from '../reports/RemindersCard';
import { DeadlinesCard } from '../cases/DeadlinesCard';
import { useCategoryFigures, useTrend, useUnitRanking, type DashboardQuery, type DrillTarget } from './api';
import { CategoryChart, TrendChart, UnitRankingChart } from './DashboardCharts';
import { RecordsDrillDrawer } from '../reports/DrillDrawer';
import { exportDashboardPdf } from './exportPdf';
import { useDefaultCampaign } from './useDefaultCampaign';
import { ClocksPanel, KpiGaugesPanel, RectificationsPanel, ReportTimelinessPanel } from './panels';
import { UnitMapCard } from './UnitMapCard';

/** 局领导 and 专项办 (and the administrator) see the whole picture; 联络员 and 办案人员 their unit and their inbox. */
const overviewRoles = new Set(['leader', 'office', 'admin']);

/**
 * 首页 = 数据看板 by role: the trend against last year, the figures by 违法类型 and the ranking of
 * the units below, for the chosen campaign, period and the header's unit; a click on any point
 * opens the records behind it; 导出PDF prints the board on one A4 landscape page.
 */
export function DashboardPage() {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { unit, units } = useUnitContext();
  const unitId = useListUnit(undefined);
  const overview = user.isSystemAdmin || user.roles.some((r) => overviewRoles.has(r));
  const ownUnitIds = useMemo(() => new Set(units.map((u) => u.id)), [units]);
  const fallback = useDefaultCampaign(user.unitId, ownUnitIds);
  const [picked, setPicked] = useState<string>();
  const campaignId = picked ?? fallback.id;
  const [range, setRange] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  const [bucket, setBucket] = useState<'week' | 'month'>('month');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const board = useRef<HTMLDivElement>(null);

  const q = useMemo<DashboardQuery | null>(
    () => (campaignId ? { campaignId, unitId, from: range[0], to: range[1] } : null),
    [campaignId, unitId, range],
  );
  const trend = useTrend(q, bucket);
  const categories = useCategoryFigures(q);
  const ranking = useUnitRanking(q);
  const head = trend.data ?? categories.data;

  const exportPdf = async () => {
    if (!board.current || !head) return;
    setExporting(true);
    try {
      await exportDashboardPdf(board.current, `${t('dashboards.pdfName', { unit: head.unitName, to: head.to })}.pdf`);
    } catch {
      void message.error(t('dashboards.pdfFailed'));
    } finally {
      setExporting(false);
    }
  };

  const error = trend.error ?? categories.error ?? ranking.error;
  return (
    <PageContainer
      title={t('menu.home')}
      extra={
        <Button icon={<FilePdfOutlined />} onClick={() => void exportPdf()} loading={exporting} disabled={!head}>
          {t('dashboards.exportPdf')}
        </Button>
      }
    >
      {!overview && (
        <>
          <InboxCard />
          <DeadlinesCard />
        </>
      )}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <CampaignSelect value={campaignId} onChange={setPicked} allowClear={false} style={{ minWidth: 360 }} />
        <DatePicker.RangePicker
          value={[range[0] ? dayjs(range[0]) : null, range[1] ? dayjs(range[1]) : null]}
          onChange={(r) => setRange([r?.[0]?.format('YYYY-MM-DD'), r?.[1]?.format('YYYY-MM-DD')])}
          allowEmpty={[true, true]}
          placeholder={[t('dashboards.from'), t('dashboards.to')]}
          aria-label={t('dashboards.period')}
        />
      </Flex>
      {!campaignId && !fallback.isPending ? (
        <Card>
          <Empty description={t('dashboards.noCampaign')} />
        </Card>
      ) : error ? (
        <LoadError
          error={error}
          onRetry={() => void Promise.all([trend.refetch(), categories.refetch(), ranking.refetch()])}
        />
      ) : (
        <div ref={board} className="rs-dashboard" style={{ background: '#fff', padding: 4 }}>
          {head && (
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('dashboards.heading', {
                campaign: head.campaignName,
                unit: head.unitName ?? unit?.name ?? '',
                from: head.from,
                to: head.to,
              })}
            </Typography.Title>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={overview ? 14 : 24}>
              {trend.data ? (
                <TrendChart trend={trend.data} bucket={bucket} onBucket={setBucket} onDrill={setDrill} />
              ) : (
                <Skeleton active />
              )}
            </Col>
            <Col xs={24} xl={overview ? 10 : 12}>
              {categories.data ? <CategoryChart data={categories.data} onDrill={setDrill} /> : <Skeleton active />}
            </Col>
            {/* A unit with no units below (a 所, a 大队) has no ranking to show. */}
            {ranking.data?.rows.length !== 0 && (
              <Col xs={24} xl={12}>
                {ranking.data ? <UnitRankingChart data={ranking.data} onDrill={setDrill} /> : <Skeleton active />}
              </Col>
            )}
            {overview && q && (
              <>
                <Col xs={24} xl={12}>
                  <UnitMapCard query={q} />
                </Col>
                <Col xs={24} xl={12}>
                  <ReportTimelinessPanel campaignId={q.campaignId} unitId={unitId} />
                </Col>
                <Col xs={24} xl={12}>
                  <KpiGaugesPanel campaignId={q.campaignId} unitId={unitId} />
                </Col>
                <Col xs={24} xl={12}>
                  <RectificationsPanel campaignId={q.campaignId} unitId={unitId} />
                </Col>
                <Col xs={24} xl={12}>
                  <ClocksPanel campaignId={q.campaignId} unitId={unitId} />
                </Col>
              </>
            )}
          </Row>
        </div>
      )}
      {overview && (
        <div style={{ marginTop: 16 }}>
          <InboxCard />
          <RemindersCard />
        </div>
      )}
      {drill && (
        <RecordsDrillDrawer
          campaignId={drill.campaignId}
          query={{
            unitId: drill.unitId,
            from: drill.from,
            to: drill.to,
            category: drill.category,
            metric: drill.metric,
          }}
          title={drill.title}
          money={drill.money}
          onClose={() => setDrill(null)}
        />
      )}
    </PageContainer>
  );
}
