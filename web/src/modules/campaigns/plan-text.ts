import type { Translate } from '../../locales/i18n';
import type { Campaign } from './api';

type Kpi = Campaign['kpis'][number];
type Schedule = Campaign['reportSchedules'][number];

const SYMBOLS: Record<Kpi['comparator'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** A KPI's target as printed in a plan: 双随机抽查覆盖率 ≥ 5%. */
export const kpiTarget = (k: Pick<Kpi, 'comparator' | 'target' | 'unit'>) =>
  `${SYMBOLS[k.comparator]} ${k.target}${k.unit}`;

/** The weekday's name (1 = Monday) in the current language. */
export const weekdayName = (t: Translate, weekday: number) =>
  t('calendar.weekdays').split(',')[weekday - 1] ?? String(weekday);

/** When a report schedule falls due, in words: 每月 2 日前（累计）, 每周四 15:00 前, 2026-07-02、2026-10-02 前报送（上一季度） … */
export function describeSchedule(t: Translate, s: Schedule): string {
  switch (s.kind) {
    case 'monthly': {
      const monthly = t(s.cumulative ? 'campaigns.scheduleMonthlyCumulative' : 'campaigns.scheduleMonthly', {
        day: s.dayOfMonth,
      });
      return s.afterEnd ? `${monthly} · ${t('campaigns.afterEnd')}` : monthly;
    }
    case 'weekly':
      return t('campaigns.scheduleWeekly', { weekday: weekdayName(t, s.weekday), time: s.time });
    case 'daily':
      return t('campaigns.scheduleDaily', { time: s.time });
    default:
      // Since the previous date is what fixed dates always meant: only the other rules are named.
      return s.covers && s.covers !== 'sincePrevious'
        ? t('campaigns.scheduleDatesCovering', { dates: s.dates.join('、'), covers: t(`campaigns.covers.${s.covers}`) })
        : t('campaigns.scheduleDates', { dates: s.dates.join('、') });
  }
}

/** A date range as the plans print it. */
export const dateRange = (start: string, end: string) => (start === end ? start : `${start} ~ ${end}`);
