import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { useShowError } from '../../lib/useShowError';
import { useUnitContext } from '../../app/UnitContext';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { useCampaigns } from '../campaigns/api';
import { useStatTemplates, type TableColumn, type TableRow } from '../reports/api';
import { ANNEX2_TEMPLATE } from '../reports/figures';
import { DrillDrawer } from '../reports/DrillDrawer';
import { ManualEntriesDrawer } from '../reports/ManualFigures';
import { downloadComparisonXlsx, useUnitComparison, type ComparisonColumn, type ComparisonRow } from './api';
import { UnitMap } from './UnitMap';

type Sort = { key: string; category: string; order: 'asc' | 'desc' } | null;
type Drill = { unitId: string; row: TableRow; column: TableColumn };

/** Exact comparison of two figures as text (元 with cents, or counts): BigInt of the fen. */
const fen = (v: string | undefined) => {
  const [i, d = ''] = (v ?? '0').split('.');
  return BigInt(i) * 100n + (i.startsWith('-') ? -1n : 1n) * BigInt((d + '00').slice(0, 2));
};

/**
 * 分单位对比: the statistics table with the units directly below as rows and the categories as
 * column groups (合计 first), sortable, every figure opening its records; the map of the same units
 * above it, coloured by a figure; the table as .xlsx. All state in the URL.
 */
export function ComparisonPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const { unitId: contextUnitId } = useUnitContext();
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  // By default the live plan of the unit in the header (its own), else the first live one.
  const live = campaigns.data?.items.filter((c) => c.status === 'active') ?? [];
  const campaignId =
    params.get('campaignId') ?? (live.find((c) => c.unitId === contextUnitId) ?? live[0])?.id ?? undefined;
  const template = params.get('template') ?? ANNEX2_TEMPLATE;
  const unitId = params.get('unitId') ?? contextUnitId ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch))
          if (v) next.set(k, v);
          else next.delete(k);
        return next;
      },
      { replace: true },
    );
  const templates = useStatTemplates();
  const comparison = useUnitComparison(campaignId, { template, unitId, from, to });
  const c = comparison.data;
  const derived = (c?.template.columns ?? []).filter((x) => x.figure);
  const figure = params.get('figure') ?? derived.find((x) => x.figure === 'casesFiled')?.figure ?? derived[0]?.figure;
  const [sort, setSort] = useState<Sort>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [downloading, setDownloading] = useState(false);

  const openCell = (row: { unitId: string; unitName: string }, category: string, col: ComparisonColumn) => {
    const label = c?.categories.find((g) => g.code === category)?.label ?? category;
    setDrill({
      unitId: row.unitId,
      row: { category, label: `${row.unitName} ${label}`, subLabel: null, cells: {} },
      column: { ...col, drillable: true },
    });
  };

  const columns = useMemo<TableColumnsType<ComparisonRow>>(() => {
    if (!c) return [];
    // 合计 first: the figure most compared; then the categories in the campaign's order.
    const groups = [c.categories[c.categories.length - 1], ...c.categories.slice(0, -1)];
    return [
      {
        key: 'unit',
        title: t('maps.unitColumn'),
        dataIndex: 'unitName',
        fixed: 'start',
        width: 220,
        ellipsis: true,
      },
      ...groups.map((g) => ({
        key: g.code,
        title: g.label,
        children: c.template.columns.map((col) => ({
          key: `${g.code}.${col.key}`,
          title: `${col.name}（${col.money ? '元' : col.unit}）`,
          width: col.money ? 130 : 96,
          align: 'end' as const,
          sorter: (a: ComparisonRow, b: ComparisonRow) => {
            const x = fen(a.cells[g.code]?.[col.key]);
            const y = fen(b.cells[g.code]?.[col.key]);
            return x === y ? 0 : x < y ? -1 : 1;
          },
          sortOrder:
            sort?.key === col.key && sort.category === g.code ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
          render: (_: unknown, row: ComparisonRow) => (
            <Typography.Link onClick={() => openCell(row, g.code, col)}>
              {row.cells[g.code]?.[col.key] ?? '0'}
            </Typography.Link>
          ),
        })),
      })),
    ];
  }, [c, sort, t]);

  const onChange: TableProps<ComparisonRow>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
    if (!key || !s.order) return setSort(null);
    const [category, column] = key.split('.');
    setSort({ key: column, category, order: s.order === 'ascend' ? 'asc' : 'desc' });
  };

  const download = async () => {
    if (!c || !campaignId) return;
    setDownloading(true);
    try {
      const name = await downloadComparisonXlsx(campaignId, {
        template,
        unitId: c.unitId,
        from: c.from,
        to: c.to,
        ...(sort ? { sort: sort.key, sortCategory: sort.category, order: sort.order } : {}),
      });
      void message.success(t('reports.downloaded', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  const unitClick = (id: string) => {
    const row = c?.rows.find((r) => r.unitId === id);
    if (!row) return;
    if (row.childCount > 0) return set({ unitId: id });
    const col = c?.template.columns.find((x) => x.figure === figure);
    if (col) openCell(row, 'total', col);
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('maps.title')}
      </Typography.Title>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={12} wrap align="center">
          <CampaignSelect
            value={campaignId}
            onChange={(id) => set({ campaignId: id, unitId: undefined })}
            placeholder={t('maps.pickCampaign')}
            allowClear={false}
            style={{ width: 340 }}
          />
          <Select
            value={template}
            onChange={(x) => set({ template: x, from: undefined, to: undefined })}
            options={(templates.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
            aria-label={t('reports.template')}
            style={{ width: 300 }}
            popupMatchSelectWidth={false}
          />
          <UnitTreeSelect
            value={c?.unitId ?? unitId}
            onChange={(id) => set({ unitId: id })}
            placeholder={t('reports.unit')}
            style={{ width: 260 }}
            allowClear={false}
          />
          <DatePicker.RangePicker
            aria-label={t('reports.period')}
            value={c ? [dayjs(c.from), dayjs(c.to)] : null}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            allowClear={false}
          />
        </Flex>
        <Button icon={<DownloadOutlined />} loading={downloading} disabled={!c} onClick={() => void download()}>
          {t('maps.exportXlsx')}
        </Button>
      </Flex>
      {comparison.isError && <LoadError error={comparison.error} onRetry={() => void comparison.refetch()} />}
      {c && (
        <Typography.Text type="secondary">
          {t('maps.caption', { unit: c.unitName, from: c.from, to: c.to })}
        </Typography.Text>
      )}
      {c && campaignId && figure && (
        <Card
          size="small"
          title={t('maps.map')}
          extra={
            <Select
              size="small"
              value={figure}
              onChange={(f) => set({ figure: f })}
              options={derived.map((x) => ({ value: x.figure!, label: x.name }))}
              aria-label={t('maps.figure')}
              style={{ width: 180 }}
              popupMatchSelectWidth={false}
            />
          }
        >
          <UnitMap
            campaignId={campaignId}
            unitId={c.unitId}
            figure={figure}
            from={c.from}
            to={c.to}
            height={380}
            onUnitClick={unitClick}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('maps.hint')}
          </Typography.Text>
        </Card>
      )}
      <Table<ComparisonRow>
        rowKey="unitId"
        size="small"
        bordered
        sticky
        loading={comparison.isFetching}
        columns={columns}
        dataSource={c?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        showSorterTooltip={false}
        summary={() =>
          c && (
            <Table.Summary>
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t('maps.total')}</Table.Summary.Cell>
                {[c.categories[c.categories.length - 1], ...c.categories.slice(0, -1)].flatMap((g, gi) =>
                  c.template.columns.map((col, n) => (
                    <Table.Summary.Cell
                      key={`${g.code}.${col.key}`}
                      index={1 + gi * c.template.columns.length + n}
                      align="end"
                    >
                      <Typography.Link onClick={() => openCell(c.total, g.code, col)}>
                        {c.total.cells[g.code]?.[col.key] ?? '0'}
                      </Typography.Link>
                    </Table.Summary.Cell>
                  )),
                )}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('maps.tableHint')}
      </Typography.Text>
      {drill && c && campaignId && drill.column.kind === 'derived' && (
        <DrillDrawer
          campaignId={campaignId}
          query={{ unitId: drill.unitId, from: c.from, to: c.to }}
          row={drill.row}
          column={drill.column}
          onClose={() => setDrill(null)}
        />
      )}
      {drill && c && campaignId && drill.column.kind === 'manual' && (
        <ManualEntriesDrawer
          campaignId={campaignId}
          query={{ unitId: drill.unitId, from: c.from, to: c.to }}
          row={drill.row}
          column={drill.column}
          onClose={() => setDrill(null)}
        />
      )}
    </Flex>
  );
}
