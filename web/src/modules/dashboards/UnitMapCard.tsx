import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { useT } from '../../locales/i18n';
import { UnitMap } from '../maps/UnitMap';
import type { DashboardQuery } from './api';

/** The figures the dashboard's map can be coloured by (rollups/metrics.ts names). */
const MAP_FIGURES = ['casesFiled', 'finesAndConfiscations', 'staffDeployed'] as const;

/**
 * 分单位地图 on the dashboard: the units below drawn on their divisions (a tile map where there is
 * no boundary), coloured by the chosen figure; a click lists the unit's records (UnitMap's drill).
 */
export function UnitMapCard({ query }: { query: DashboardQuery }) {
  const t = useT();
  const [figure, setFigure] = useState<(typeof MAP_FIGURES)[number]>('casesFiled');
  return (
    <Card
      size="small"
      title={t('dashboards.mapTitle')}
      className="rs-dashboard-map"
      extra={
        <Segmented
          size="small"
          value={figure}
          onChange={(v) => setFigure(v as (typeof MAP_FIGURES)[number])}
          options={MAP_FIGURES.map((f) => ({ value: f, label: t(`dashboards.mapFigure.${f}`) }))}
        />
      }
    >
      <UnitMap
        campaignId={query.campaignId}
        unitId={query.unitId}
        from={query.from}
        to={query.to}
        figure={figure}
        height={320}
      />
    </Card>
  );
}
