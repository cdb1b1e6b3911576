import { Drawer, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useDrillRecords, type Period } from './api';
import { formatValue, unitOf } from './format';

/** 穿透: the records behind one unit's value of one indicator, each a link to its page. */
export function RecordsDrawer({
  target,
  unitId,
  kind,
  onClose,
}: {
  target: { schemeId: string; period: Period } | { publicationId: string };
  unitId: string;
  kind: string;
  onClose: () => void;
}) {
  const t = useT();
  const records = useDrillRecords(target, unitId, kind);
  const d = records.data;
  return (
    <Drawer open width={640} onClose={onClose} title={d ? `${d.unitName} · ${d.label}` : t('scorecards.records')}>
      {d ? (
        <Typography.Paragraph>
          {t('scorecards.recordsValue', {
            value: formatValue(d.format, d.value),
            unit: unitOf(d),
            count: d.items.length,
          })}
        </Typography.Paragraph>
      ) : null}
      <List
        loading={records.isPending}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('scorecards.noRecords') }}
        renderItem={(i) => (
          <List.Item
            extra={d && d.format === 'money' ? formatValue('money', i.value) : Math.round(i.value * 100) / 100}
          >
            <List.Item.Meta
              title={<Link to={i.link}>{i.title}</Link>}
              description={[i.unitName, i.date].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
