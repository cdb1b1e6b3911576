/**
 * The weeks (Monday first, as PostgreSQL's date_trunc('week')) or months of a period, each clipped
 * to the period: the days a chart's point covers, and so the days its drill-down asks for.
 */
export type Bucket = 'week' | 'month';

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The first day of the bucket holding `day` (the key the roll-up groups by). */
export function bucketStart(day: string, bucket: Bucket): string {
  const d = toDate(day);
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const back = (d.getUTCDay() + 6) % 7; // Monday → 0
  return iso(addDays(d, -back));
}

function nextStart(start: string, bucket: Bucket): string {
  if (bucket === 'week') return iso(addDays(toDate(start), 7));
  const d = toDate(start);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

/** Every bucket meeting [from, to], in order: its key and the days of it inside the period. */
export function bucketsOf(from: string, to: string, bucket: Bucket) {
  const out: { key: string; from: string; to: string }[] = [];
  for (let start = bucketStart(from, bucket); start <= to; start = nextStart(start, bucket)) {
    const last = iso(addDays(toDate(nextStart(start, bucket)), -1));
    out.push({ key: start, from: start < from ? from : start, to: last > to ? to : last });
  }
  return out;
}
