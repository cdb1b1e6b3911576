import { useState } from 'react';
import { Descriptions, Empty, Flex, Switch, Table, Tag, Typography } from 'antd';
import { isMessageKey, useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import type { Unit } from '../units/tree';
import type { AuditEntry } from './api';
import { diffRecords, type DiffRow } from './diff';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** What an official looks for first; bookkeeping fields (ids, versions, times) last. */
const FIELD_ORDER = [
  'name',
  'displayName',
  'username',
  'day',
  'code',
  'kind',
  'unitId',
  'parentId',
  'roles',
  'divisionCode',
  'active',
  'mustChangePassword',
  'isSystemAdmin',
  'address',
];
const LAST = ['path', 'depth', 'version', 'createdBy', 'createdAt', 'updatedAt', 'id'];
const rank = (field: string) => {
  const first = FIELD_ORDER.indexOf(field);
  if (first >= 0) return first;
  const last = LAST.indexOf(field);
  return last >= 0 ? 100 + last : 50;
};

/** One value of an audited field, in words: labels for kinds and roles, unit names for unit ids. */
function FieldValue({ field, value, unitNames }: { field: string; value: unknown; unitNames: Map<string, string> }) {
  const t = useT();
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <>{t(value ? 'common.yes' : 'common.no')}</>;
  if (field === 'kind' && typeof value === 'string') {
    const key = `unitKind.${value}`;
    if (isMessageKey(key)) return <>{t(key)}</>;
    if (value === 'holiday') return <>{t('calendar.kindHoliday')}</>;
    if (value === 'workday') return <>{t('calendar.kindWorkday')}</>;
  }
  if (field === 'roles' && Array.isArray(value)) {
    return (
      <>
        {value.map((r) => {
          const key = `role.${String(r)}`;
          return <Tag key={String(r)}>{isMessageKey(key) ? t(key) : String(r)}</Tag>;
        })}
      </>
    );
  }
  if ((field === 'unitId' || field === 'parentId') && typeof value === 'string') {
    const name = unitNames.get(value);
    return name ? <span title={value}>{name}</span> : <span className="rs-mono">{value}</span>;
  }
  if (typeof value === 'string' && ISO_DATETIME.test(value)) return <>{formatDateTime(value)}</>;
  if (typeof value === 'object') return <span className="rs-mono">{JSON.stringify(value)}</span>;
  return <>{String(value)}</>;
}

/** The expanded row: before and after side by side (changed fields highlighted), then the chain data. */
export function AuditDetails({
  entry,
  units,
  onFilterRecord,
}: {
  entry: AuditEntry;
  units: Unit[];
  onFilterRecord: () => void;
}) {
  const t = useT();
  const [changedOnly, setChangedOnly] = useState(false);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const rows = diffRecords(entry.before, entry.after).sort((a, b) => rank(a.field) - rank(b.field));
  const shown = changedOnly ? rows.filter((r) => r.changed) : rows;
  const hasBefore = entry.before != null;
  const hasAfter = entry.after != null;

  const label = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };

  return (
    <Flex vertical gap={12} style={{ padding: '4px 8px' }}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noDetails')} />
      ) : (
        <>
          <Flex gap={8} align="center">
            <Switch size="small" checked={changedOnly} onChange={setChangedOnly} />
            <Typography.Text>{t('audit.changedOnly')}</Typography.Text>
          </Flex>
          <Table<DiffRow>
            size="small"
            bordered
            pagination={false}
            rowKey="field"
            dataSource={shown}
            rowClassName={(r) => (r.changed && hasBefore && hasAfter ? 'rs-diff-changed' : '')}
            columns={[
              {
                key: 'field',
                title: t('audit.field'),
                dataIndex: 'field',
                width: 180,
                render: (field: string, r) => (
                  <Flex gap={6} align="center">
                    <span>{label(field)}</span>
                    {r.changed && hasBefore && hasAfter && <Tag color="gold">{t('audit.changed')}</Tag>}
                  </Flex>
                ),
              },
              ...(hasBefore
                ? [
                    {
                      key: 'before',
                      title: t('audit.before'),
                      render: (_: unknown, r: DiffRow) => (
                        <span className={r.changed && hasAfter ? 'rs-diff-before' : undefined}>
                          <FieldValue field={r.field} value={r.before} unitNames={unitNames} />
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(hasAfter
                ? [
                    {
                      key: 'after',
                      title: t('audit.after'),
                      render: (_: unknown, r: DiffRow) => (
                        <span className={r.changed && hasBefore ? 'rs-diff-after' : undefined}>
                          <FieldValue field={r.field} value={r.after} unitNames={unitNames} />
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'recordId',
            label: t('audit.recordId'),
            children: (
              <Flex gap={12} align="center" wrap>
                <Typography.Text copyable className="rs-mono">
                  {entry.recordId}
                </Typography.Text>
                <Typography.Link onClick={onFilterRecord}>{t('audit.filterThisRecord')}</Typography.Link>
              </Flex>
            ),
          },
          {
            key: 'hash',
            label: t('audit.hash'),
            children: (
              <Typography.Text copyable className="rs-mono">
                {entry.hash}
              </Typography.Text>
            ),
          },
          { key: 'prevHash', label: t('audit.prevHash'), children: <span className="rs-mono">{entry.prevHash}</span> },
          ...(entry.requestId
            ? [
                {
                  key: 'requestId',
                  label: t('audit.requestId'),
                  children: <span className="rs-mono">{entry.requestId}</span>,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
