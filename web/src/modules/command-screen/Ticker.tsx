import type { ReactNode } from 'react';
import { useT } from '../../locales/i18n';

/**
 * A scrolling list (CSS animation, paused under the mouse): the rows twice over, moved up by half,
 * so the loop has no seam; a short list that fits stands still.
 */
export function Ticker({ rows, label }: { rows: { key: string; content: ReactNode }[]; label: string }) {
  const t = useT();
  if (rows.length === 0) return <div className="rs-screen-empty">{t('screen.noItems')}</div>;
  const moving = rows.length > 4;
  const render = (copy: number) =>
    rows.map((r) => (
      <div key={`${copy}-${r.key}`} className="rs-ticker-row" aria-hidden={copy > 0 || undefined}>
        {r.content}
      </div>
    ));
  return (
    <div className="rs-ticker" role="list" aria-label={label}>
      <div
        className={moving ? 'rs-ticker-track' : undefined}
        style={{ ['--rs-ticker-duration' as string]: `${rows.length * 3}s` }}
      >
        {render(0)}
        {moving && render(1)}
      </div>
    </div>
  );
}
