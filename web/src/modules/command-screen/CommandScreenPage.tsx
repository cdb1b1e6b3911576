import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Popover, Space } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined, SettingOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { useT, type MessageKey } from '../../locales/i18n';
import { useCurrentUser } from '../auth/session';
import { useDefaultCampaign } from '../dashboards/useDefaultCampaign';
import { useUnits } from '../units/api';
import { UnitMap } from '../maps/UnitMap';
import { useCommandScreen } from './api';
import { Kpis, RankingChart, TrendChart } from './ScreenPanels';
import { Ticker } from './Ticker';
import './command-screen.css';

const beijing = (d: Date, withDate: boolean) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(d);

/** Beijing time, ticking every second. */
function Clock() {
  const t = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="rs-screen-clock" aria-label={t('screen.beijingTime')}>
      {beijing(now, false)}
      <small>
        {t('screen.beijingTime')} {beijing(now, true).split(' ')[0]}
      </small>
    </div>
  );
}

/** A box filling its panel; the chart inside gets the box's height in pixels (charts need a number). */
function Fill({ children }: { children: (height: number) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry.contentRect.height)));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="rs-screen-panel-fill">
      {height > 0 && children(height)}
    </div>
  );
}

/** The browser's full-screen mode (Fullscreen API) for the whole page, and whether it is on. */
function useFullscreen() {
  const [on, setOn] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const changed = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = () =>
    void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen());
  return { on, toggle };
}

/**
 * 大屏 (/screen): a full-screen command-centre view for a wall display — the campaign's totals in the
 * unit's subtree, the monthly trend, the map, the units below ranked, and the newest cases and leads
 * scrolling by; asked again every 30 s. Outside the normal layout (no menu); the campaign and unit
 * picker hides behind a faint button.
 */
export function CommandScreenPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  // The same plan the dashboard opens on: the user's own newest live plan first.
  const user = useCurrentUser();
  const { data: units = [] } = useUnits(false);
  const ownUnitIds = useMemo(() => new Set(units.map((u) => u.id)), [units]);
  const fallback = useDefaultCampaign(user.unitId, ownUnitIds);
  const campaignId = params.get('campaignId') ?? fallback.id;
  const unitId = params.get('unitId') ?? undefined;
  const screen = useCommandScreen(campaignId, unitId);
  const fullscreen = useFullscreen();
  const data = screen.data;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'campaignId') next.delete('unitId');
    setParams(next, { replace: true });
  };

  const picker = (
    <Space orientation="vertical" style={{ width: 420 }}>
      <CampaignSelect
        value={campaignId}
        onChange={(v) => set('campaignId', v)}
        style={{ width: '100%' }}
        allowClear={false}
      />
      <UnitTreeSelect
        value={unitId ?? data?.unitId}
        onChange={(v) => set('unitId', v)}
        campaignId={campaignId}
        style={{ width: '100%' }}
        placeholder={t('screen.unit')}
      />
    </Space>
  );

  const panel = (title: MessageKey, body: ReactNode) => (
    <section className="rs-screen-panel" aria-label={t(title)}>
      <div className="rs-screen-panel-title">{t(title)}</div>
      <div className="rs-screen-panel-body">{body}</div>
    </section>
  );
  const chartPanel = (title: MessageKey, chart: (height: number) => ReactNode) => panel(title, <Fill>{chart}</Fill>);

  return (
    <div className="rs-screen" data-testid="command-screen">
      <header className="rs-screen-header">
        <div style={{ minWidth: 0, flex: 1 }}>
          <div className="rs-screen-title">{data ? `${data.campaignName} · ${data.unitName}` : t('screen.title')}</div>
          <div className="rs-screen-sub">
            {data && `${data.unitName} · ${t('screen.period', { from: data.from, to: data.to })}`}
            {'　'}
            {screen.dataUpdatedAt > 0 &&
              t('screen.refreshedAt', { time: beijing(new Date(screen.dataUpdatedAt), false) })}
            {screen.isError && data && (
              <span className="rs-screen-stale" role="status">
                {'　⚠ '}
                {t('screen.stale')}
              </span>
            )}
          </div>
        </div>
        <Clock />
        <div className="rs-screen-tools">
          <Popover content={picker} title={t('screen.settings')} trigger="click" placement="bottomRight">
            <Button ghost icon={<SettingOutlined />} aria-label={t('screen.settings')} />
          </Popover>
          <Button
            ghost
            icon={fullscreen.on ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={fullscreen.toggle}
            aria-label={t(fullscreen.on ? 'screen.exitFullscreen' : 'screen.fullscreen')}
          />
        </div>
      </header>
      {!campaignId && !fallback.isPending ? (
        <div className="rs-screen-empty">{t('screen.noCampaign')}</div>
      ) : !data ? (
        <div className="rs-screen-empty">{screen.isError ? t('common.loadFailed') : t('common.loading')}</div>
      ) : (
        <>
          <Kpis data={data} />
          <div className="rs-screen-middle">
            {chartPanel('screen.trend', (h) => (
              <TrendChart data={data} height={h} />
            ))}
            {chartPanel('screen.map', (h) => (
              <UnitMap campaignId={data.campaignId} unitId={unitId} figure="casesFiled" dark height={h} />
            ))}
            {chartPanel('screen.ranking', (h) => (
              <RankingChart data={data} height={h} />
            ))}
          </div>
          <div className="rs-screen-bottom">
            {panel(
              'screen.latestCases',
              <Ticker
                label={t('screen.latestCases')}
                rows={data.latestCases.map((c) => ({
                  key: c.id,
                  content: (
                    <>
                      <span className="rs-ticker-date">{c.filingDate}</span>
                      <span className="rs-ticker-main">
                        {c.partyName}（{c.categoryLabel}）
                      </span>
                      <span className="rs-ticker-side">
                        {c.unitName} {c.caseNumber}
                      </span>
                    </>
                  ),
                }))}
              />,
            )}
            {panel(
              'screen.latestLeads',
              <Ticker
                label={t('screen.latestLeads')}
                rows={data.latestLeads.map((l) => ({
                  key: l.id,
                  content: (
                    <>
                      <span className="rs-ticker-date">{l.receivedDate}</span>
                      <span className="rs-ticker-main">{t(`leadSource.${l.source}` as MessageKey)}</span>
                      {l.important && <span className="rs-ticker-tag">{t('screen.important')}</span>}
                      <span className="rs-ticker-side">
                        {l.unitName} {l.sourceNumber ?? ''}
                      </span>
                    </>
                  ),
                }))}
              />,
            )}
          </div>
        </>
      )}
    </div>
  );
}
