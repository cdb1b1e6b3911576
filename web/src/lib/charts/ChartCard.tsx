import { useRef, type ReactNode } from 'react';
import { Button, Card, Tooltip } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { EChart, saveDataUrl, type ChartOption, type ChartPoint, type EChartHandle } from './EChart';

/**
 * A chart in a card: its title, an optional extra (a figure picker), and 导出图片 (PNG, named after
 * the title). Every chart of a dashboard is one of these.
 */
export function ChartCard({
  title,
  option,
  height,
  onPointClick,
  extra,
  footer,
}: {
  title: string;
  option: ChartOption;
  height?: number;
  onPointClick?: (point: ChartPoint) => void;
  extra?: ReactNode;
  footer?: ReactNode;
}) {
  const t = useT();
  const chart = useRef<EChartHandle>(null);
  const exportPng = () => {
    const png = chart.current?.toPng();
    if (png) saveDataUrl(png, `${title}.png`);
  };
  return (
    <Card
      size="small"
      title={title}
      className="rs-chart-card"
      extra={
        <>
          {extra}
          <Tooltip title={t('charts.exportPng')}>
            <Button
              type="text"
              size="small"
              icon={<PictureOutlined />}
              aria-label={`${t('charts.exportPng')}：${title}`}
              onClick={exportPng}
              data-html2canvas-ignore
            />
          </Tooltip>
        </>
      }
    >
      <EChart ref={chart} option={option} height={height} onPointClick={onPointClick} aria-label={title} />
      {footer}
    </Card>
  );
}
