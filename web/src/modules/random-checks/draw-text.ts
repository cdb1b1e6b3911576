import type { Translate } from '../../locales/i18n';
import type { DrawSummary } from './api';

/** "抽取 5%" or "抽取 12 户": how many entities a draw asked for. */
export function drawSize(t: Translate, size: DrawSummary['size']): string {
  if (size.share !== undefined) return t('randomChecks.sizeShare', { percent: formatPercent(size.share) });
  return t('randomChecks.sizeCount', { count: size.count ?? 0 });
}

/** A share as a percentage with at most two decimals: 0.05 → "5", 0.125 → "12.5". */
export function formatPercent(share: number): string {
  return String(Math.round(share * 10000) / 100);
}
