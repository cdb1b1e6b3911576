/**
 * Today's date as the enforcement units see it: China time (Asia/Shanghai, UTC+8 all year), as
 * YYYY-MM-DD. A browser in another time zone (an officer abroad, a CI machine in UTC) still gets
 * China's date, the one the server's clocks (办案期限, 线索核查期限) count from.
 */
const chinaDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayIso(now = new Date()): string {
  const parts = Object.fromEntries(chinaDate.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
