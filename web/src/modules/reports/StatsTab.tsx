import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Flex, Select, Typography } from 'antd';
import { BarChartOutlined, DownloadOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { BriefingModal } from '../briefings/BriefingModal';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { useShowError } from '../../lib/useShowError';
import { useUnitContext } from '../../app/UnitContext';
import { UnitTreeSelect } from '../../lib/records/pickers';
import type { Campaign } from '../campaigns/api';
import {
  downloadStatTableXlsx,
  useStatTable,
  useStatTemplates,
  type StatsQuery,
  type TableColumn,
  type TableRow,
} from './api';
import { DrillDrawer } from './DrillDrawer';
import { FiguresTable } from './FiguresTable';
import { ManualEntriesDrawer, ManualFigureModal } from './ManualFigures';
import { ANNEX2_TEMPLATE } from './figures';

/**
 * 统计报表: a statistics table (annex 2 by default, or another template) for any unit below the
 * user and any dates, live from the records plus the figures entered by hand; every figure opens
 * what makes it; the same table as .xlsx (汇总报表 with a sheet per unit below).
 */
export function StatsTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { unitId: contextUnitId } = useUnitContext();
  const [query, setQuery] = useState<StatsQuery & { template: string }>({
    unitId: contextUnitId ?? undefined,
    template: ANNEX2_TEMPLATE,
  });
  const [drill, setDrill] = useState<{ row: TableRow; column: TableColumn } | null>(null);
  const [entering, setEntering] = useState(false);
  const [briefing, setBriefing] = useState(false);
  const [downloading, setDownloading] = useState(false);
  // 同比: only a plan that names its predecessor (上一年度行动) has last year's figures to show.
  const [compare, setCompare] = useState(false);
  const comparing = compare && Boolean(campaign.predecessor);
  const templates = useStatTemplates();
  const table = useStatTable(campaign.id, comparing ? { ...query, compare: 'previous' } : query);
  const s = table.data;
  const manualColumns = s?.template.columns.filter((c) => c.kind === 'manual') ?? [];
  const scope = s ? { unitId: s.unitId, from: s.from, to: s.to } : {};

  const download = async () => {
    setDownloading(true);
    try {
      void message.success(
        t('reports.downloaded', {
          name: await downloadStatTableXlsx(campaign.id, {
            ...scope,
            template: query.template,
            ...(comparing ? { compare: 'previous' as const } : {}),
          }),
        }),
      );
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };
  // The server says which figures open onto their records (and manual ones onto their entries).
  const canDrill = (c: TableColumn) => c.drillable;

  return (
    <Flex vertical gap={12} style={{ paddingTop: 8 }}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={12} wrap align="center">
          <Select
            value={query.template}
            onChange={(template) => setQuery((q) => ({ ...q, template, from: undefined, to: undefined }))}
            options={(templates.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
            aria-label={t('reports.template')}
            style={{ width: 320 }}
            popupMatchSelectWidth={false}
          />
          <UnitTreeSelect
            value={query.unitId}
            onChange={(unitId) => setQuery((q) => ({ ...q, unitId: unitId ?? undefined }))}
            placeholder={t('reports.unit')}
            style={{ width: 260 }}
            allowClear={false}
          />
          <DatePicker.RangePicker
            aria-label={t('reports.period')}
            value={s ? [dayjs(s.from), dayjs(s.to)] : null}
            onChange={(range) =>
              setQuery((q) => ({ ...q, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }))
            }
            allowClear={false}
          />
          {campaign.predecessor && (
            <Checkbox checked={compare} onChange={(e) => setCompare(e.target.checked)}>
              {t('reports.compareYear')}
            </Checkbox>
          )}
        </Flex>
        <Flex gap={8} wrap>
          {manualColumns.length > 0 && (
            <Button icon={<EditOutlined />} onClick={() => setEntering(true)}>
              {t('reports.enterFigure')}
            </Button>
          )}
          <Link
            to={`/comparison?${new URLSearchParams({ campaignId: campaign.id, template: query.template, ...(s ? { unitId: s.unitId } : {}) })}`}
          >
            <Button icon={<BarChartOutlined />}>{t('maps.openComparison')}</Button>
          </Link>
          <Button icon={<FileWordOutlined />} disabled={!s} onClick={() => setBriefing(true)}>
            {t('reports.briefing')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={downloading} disabled={!s} onClick={() => void download()}>
            {t('reports.exportXlsx')}
          </Button>
        </Flex>
      </Flex>
      {s && (
        <Typography.Text type="secondary">
          {t('reports.statsCaption', { unit: s.unitName, from: s.from, to: s.to })}
          {s.comparison &&
            ` ${t('reports.compareCaption', { name: s.comparison.campaignName, from: s.comparison.from, to: s.comparison.to })}`}
        </Typography.Text>
      )}
      {table.isError ? (
        <LoadError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <FiguresTable
          columns={s?.template.columns ?? []}
          rows={s?.rows ?? []}
          compare={comparing}
          loading={table.isFetching}
          onDrill={(row, column) => canDrill(column) && setDrill({ row, column })}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reports.statsHint')}
      </Typography.Text>
      {drill && s && drill.column.kind === 'derived' && (
        <DrillDrawer
          campaignId={campaign.id}
          query={scope}
          row={drill.row}
          column={drill.column}
          onClose={() => setDrill(null)}
        />
      )}
      {drill && s && drill.column.kind === 'manual' && (
        <ManualEntriesDrawer
          campaignId={campaign.id}
          query={scope}
          row={drill.row}
          column={drill.column}
          onClose={() => setDrill(null)}
        />
      )}
      {briefing && s && (
        <BriefingModal
          campaignId={campaign.id}
          unitId={s.unitId}
          from={s.from}
          to={s.to}
          onClose={() => setBriefing(false)}
        />
      )}
      {entering && s && (
        <ManualFigureModal
          campaignId={campaign.id}
          unitId={s.unitId}
          columns={manualColumns}
          onClose={() => setEntering(false)}
        />
      )}
    </Flex>
  );
}
