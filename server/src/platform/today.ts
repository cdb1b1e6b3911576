/**
 * Today's date where the officials are: China Standard Time (UTC+8, no daylight saving). A record
 * made at 07:00 in Beijing is dated that day, not the previous one as a UTC date would say.
 */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
