import { forwardRef, useEffect, useImperativeHandle, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts';
import 'echarts/i18n/langZH';
import 'echarts/i18n/langEN';
import { useLocale } from '../../locales/i18n';

export type ChartOption = echarts.EChartsCoreOption;
/** What a click on a chart's point says: the series, the category (x) value and the data item. */
export type ChartPoint = { seriesName?: string; seriesIndex?: number; name: string; dataIndex: number; data: unknown };

export interface EChartHandle {
  /** The chart as a PNG data URL, at twice the screen's pixels (sharp when printed), white behind. */
  toPng(): string | undefined;
}

/**
 * One ECharts chart (every chart of the app goes through here): zh-CN or en-US with the app's
 * language, resized with its box, disposed when it leaves. `onPointClick` is the drill-down (穿透)
 * of a point: the caller opens the records behind it by the statistics' own rules.
 */
export const EChart = forwardRef<
  EChartHandle,
  {
    option: ChartOption;
    height?: number | string;
    style?: CSSProperties;
    onPointClick?: (point: ChartPoint) => void;
    /** For a 大屏: the dark theme. */
    dark?: boolean;
    'aria-label'?: string;
  }
>(function EChart({ option, height = 300, style, onPointClick, dark, ...aria }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { lang } = useLocale();
  const clickRef = useRef(onPointClick);
  clickRef.current = onPointClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, dark ? 'dark' : undefined, {
      locale: lang === 'zh-CN' ? 'ZH' : 'EN',
      renderer: 'canvas',
    });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as unknown as ChartPoint));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang, dark]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, lang, dark]);

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: dark ? '#0b1b34' : '#fff' }),
  }));

  return (
    <div
      ref={box}
      role="img"
      aria-label={aria['aria-label']}
      style={{ width: '100%', height, cursor: onPointClick ? 'pointer' : undefined, ...style }}
    />
  );
});

/** Saves a data URL (a chart's PNG) under a file name. */
export function saveDataUrl(dataUrl: string, fileName: string) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Text put into a tooltip that a formatter writes as HTML: escaped, so a unit's or a party's name
 * is shown as written and never read as markup.
 */
export const tooltipText = (text: string | number) => echarts.format.encodeHTML(String(text));
