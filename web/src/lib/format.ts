import dayjs from 'dayjs';

export const formatDateTime = (value: string | Date | null | undefined) =>
  value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '';
export const formatDate = (value: string | Date | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '');

/** A KPI rate (0..1 or null when nothing to divide by) as "5.83%" or "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}
