import dayjs from 'dayjs';

export const formatDateTime = (value: string | Date | null | undefined) =>
  value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '';
export const formatDate = (value: string | Date | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '');

/** A KPI rate (0..1 or null when nothing to divide by) as "5.83%" or "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}

/** 1536 → "1.5 KB" */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
