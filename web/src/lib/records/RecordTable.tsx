import type { Key, ReactNode } from 'react';
import { Button, Card, Checkbox, Empty, Flex, Grid, Pagination, Popover, Segmented, Spin, Table, Tooltip } from 'antd';
import type { TableColumnType, TablePaginationConfig } from 'antd';
import { ColumnHeightOutlined, TableOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { sortAfter, sortOrderOf, type ColumnSort } from './list-view';
import { DENSITIES, shownColumns, toggleColumn, type Density } from './table-prefs';
import { useTablePrefs } from './useTablePrefs';

/** A column of a record list: a key column is always shown; a secondary one may start hidden. */
export interface RecordColumn<T, S extends string = string> extends Omit<
  TableColumnType<T>,
  'key' | 'title' | 'sorter' | 'sortOrder' | 'sortDirections'
> {
  key: string;
  title: string;
  /** A key column (number, name, stage, …): never hidden, shown without scrolling at 1440 px. */
  locked?: boolean;
  /** Behind the column chooser until the person shows it. */
  defaultHidden?: boolean;
  /** The server's orders for this column (only where it reads pages along an index). */
  sort?: ColumnSort<S>;
}

/** What a phone shows of a record: the fields a person needs, not the wide table. */
export interface RecordCardFields {
  link: string;
  number?: ReactNode;
  title: ReactNode;
  status?: ReactNode;
  party?: ReactNode;
  due?: ReactNode;
  unit?: ReactNode;
}

export interface RecordTableProps<T, S extends string> {
  /** The list's name: its preferences are kept as `table.<list>`. */
  list: string;
  columns: RecordColumn<T, S>[];
  card: (row: T) => RecordCardFields;
  rowKey: (row: T) => Key;
  dataSource: T[] | undefined;
  loading?: boolean;
  pagination: TablePaginationConfig;
  emptyText: ReactNode;
  className?: string;
  onRowClick?: (row: T) => void;
  rowClassName?: (row: T) => string;
  sort?: S;
  defaultSort?: S;
  onSort?: (sort: S | undefined) => void;
}

/** The app header's height: the table's header sticks below it. */
const HEADER_HEIGHT = 64;

/**
 * The record lists' table (案件台账, 案源线索, 执法检查…): sticky header, fixed first column, sorting
 * where the server offers it, a column chooser and a density, both kept per person on the server;
 * on a phone the rows are cards with the fields a person needs.
 */
export function RecordTable<T extends object, S extends string = string>(props: RecordTableProps<T, S>) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const { prefs, change } = useTablePrefs(props.list, props.columns);

  if (phone) return <RecordCards {...props} />;

  const shown = shownColumns(props.columns, prefs);
  const columns: TableColumnType<T>[] = shown.map(({ locked: _l, defaultHidden: _d, sort, ...c }, i) => ({
    ...c,
    fixed: i === 0 ? 'start' : c.fixed,
    ...(sort && props.defaultSort
      ? {
          sorter: true,
          sortOrder: sortOrderOf(sort, props.sort, props.defaultSort),
          sortDirections: (['descend', 'ascend'] as const).filter((d) => sort[d]),
        }
      : {}),
  }));
  const width = shown.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  const chooser = (
    <Flex vertical gap={6} className="rs-column-chooser">
      {props.columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={c.locked || !prefs.hidden.includes(c.key)}
          disabled={c.locked}
          onChange={(e) => change(toggleColumn(prefs, c, e.target.checked))}
        >
          {c.title}
          {c.locked && <span className="rs-secondary"> {t('records.keyColumn')}</span>}
        </Checkbox>
      ))}
    </Flex>
  );

  return (
    <>
      <Flex justify="end" gap={8} className="rs-table-tools" style={{ marginBottom: 8 }}>
        <Popover trigger="click" placement="bottomRight" title={t('records.columnsTitle')} content={chooser}>
          <Button size="small" icon={<TableOutlined />} className="rs-column-chooser-button">
            {t('records.columns')}
          </Button>
        </Popover>
        <Tooltip title={t('records.density')}>
          <Segmented<Density>
            size="small"
            aria-label={t('records.density')}
            value={prefs.density}
            onChange={(density) => change({ ...prefs, density })}
            options={DENSITIES.map((d) => ({
              value: d,
              label: d === 'large' ? <ColumnHeightOutlined /> : t(`records.density.${d}`),
              title: t(`records.density.${d}`),
            }))}
          />
        </Tooltip>
      </Flex>
      <Table<T>
        rowKey={props.rowKey}
        className={props.className}
        columns={columns}
        dataSource={props.dataSource}
        loading={props.loading}
        size={prefs.density}
        tableLayout="fixed"
        sticky={{ offsetHeader: HEADER_HEIGHT }}
        scroll={{ x: width }}
        locale={{ emptyText: props.emptyText }}
        rowClassName={props.rowClassName}
        onRow={props.onRowClick ? (row) => ({ onClick: () => props.onRowClick?.(row) }) : undefined}
        pagination={props.pagination}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || !props.onSort || !props.defaultSort) return;
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const column = props.columns.find((c) => c.key === one?.columnKey);
          props.onSort(sortAfter(column?.sort, one?.order, props.defaultSort));
        }}
      />
    </>
  );
}

/** A phone's list: one card a record, paged like the table. */
function RecordCards<T extends object, S extends string>(props: RecordTableProps<T, S>) {
  const { pagination } = props;
  return (
    <Spin spinning={!!props.loading}>
      <Flex vertical gap={8} className={`rs-record-cards ${props.className ?? ''}`}>
        {!props.dataSource?.length && <Empty description={props.emptyText} />}
        {props.dataSource?.map((row) => {
          const f = props.card(row);
          return (
            <Link key={props.rowKey(row)} to={f.link} className="rs-record-card-link">
              <Card size="small" className={`rs-record-card ${props.rowClassName?.(row) ?? ''}`}>
                <Flex justify="space-between" align="start" gap={8}>
                  <div style={{ minWidth: 0 }}>
                    {f.number && <div className="rs-mono rs-secondary rs-record-card-number">{f.number}</div>}
                    <div className="rs-record-card-title">{f.title}</div>
                  </div>
                  {f.status && <div style={{ flexShrink: 0 }}>{f.status}</div>}
                </Flex>
                {f.party && <div className="rs-record-card-party">{f.party}</div>}
                <Flex justify="space-between" gap={8} wrap className="rs-record-card-foot">
                  <span>{f.due}</span>
                  <span className="rs-secondary">{f.unit}</span>
                </Flex>
              </Card>
            </Link>
          );
        })}
        <Pagination
          simple
          align="center"
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          onChange={pagination.onChange}
        />
      </Flex>
    </Spin>
  );
}
