import { Card, Tooltip } from 'antd';
import { todayIso } from '../../lib/records/today';
import { useLocale } from '../../locales/i18n';
import type { CalendarDay } from './api';
import { monthCells } from './calendar';

const KIND_CLASS: Record<CalendarDay['kind'], string> = {
  workday: '',
  weekend: 'rs-day-weekend',
  holiday: 'rs-day-holiday',
  makeup_workday: 'rs-day-makeup',
};

function DayCell({ day, today }: { day: CalendarDay; today: string }) {
  const { t } = useLocale();
  const classes = [
    'rs-day',
    KIND_CLASS[day.kind],
    day.source === 'override' ? 'rs-day-override' : '',
    day.date === today ? 'rs-day-today' : '',
  ];
  const mark =
    day.kind === 'holiday'
      ? t('calendar.holidayMark')
      : day.kind === 'makeup_workday'
        ? t('calendar.makeupMark')
        : null;
  const cell = (
    <div className={classes.filter(Boolean).join(' ')} data-date={day.date} data-kind={day.kind}>
      {Number(day.date.slice(8))}
      {mark && <span className="rs-day-mark">{mark}</span>}
    </div>
  );
  if (!day.name && day.source !== 'override') return cell;
  const source = day.source === 'override' ? ` · ${t('calendar.source.override')}` : '';
  return <Tooltip title={`${day.date} ${day.name ?? ''}${source}`}>{cell}</Tooltip>;
}

/** Twelve small months marking holidays (休), make-up working days (班) and weekends. */
export function YearView({ year, days }: { year: number; days: CalendarDay[] }) {
  const { t, lang } = useLocale();
  const weekdays = t('calendar.weekdays').split(',');
  const today = todayIso();
  const monthName = new Intl.DateTimeFormat(lang, { month: 'long' });

  return (
    <div className="rs-months">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Card key={month} size="small" styles={{ body: { padding: 12 } }}>
          <div className="rs-month-title">{monthName.format(new Date(Date.UTC(year, month - 1, 15)))}</div>
          <div className="rs-month-grid">
            {weekdays.map((w) => (
              <div key={w} className="rs-month-head">
                {w}
              </div>
            ))}
            {monthCells(days, year, month).map((day, i) =>
              day ? <DayCell key={day.date} day={day} today={today} /> : <div key={`blank-${i}`} />,
            )}
          </div>
        </Card>
      ))}
    </div>
  );
}
