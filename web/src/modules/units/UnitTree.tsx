import { useEffect, useMemo, useState, type Key } from 'react';
import { Empty, Input, Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useT } from '../../locales/i18n';
import { ancestors, buildUnitTree, filterUnits, type Unit, type UnitNode } from './tree';

const KIND_COLORS: Record<Unit['kind'], string> = {
  bureau: 'red',
  section: 'blue',
  office: 'green',
  brigade: 'orange',
};

export function UnitKindTag({ kind }: { kind: Unit['kind'] }) {
  const t = useT();
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`unitKind.${kind}`)}
    </Tag>
  );
}

/** The organisation tree with a search box; inactive units are greyed. */
export function UnitTree({
  units,
  selectedId,
  onSelect,
}: {
  units: Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Key[]>([]);

  const visible = useMemo(() => filterUnits(units, query), [units, query]);
  const treeData = useMemo(() => {
    const toData = (nodes: UnitNode<Unit>[]): TreeDataNode[] =>
      nodes.map(({ unit, children }) => ({
        key: unit.id,
        title: (
          <Space size={6} className={unit.active ? undefined : 'rs-tree-inactive'} data-unit-code={unit.code}>
            <span>{unit.name}</span>
            <UnitKindTag kind={unit.kind} />
            {!unit.active && <Tag>{t('common.inactive')}</Tag>}
          </Space>
        ),
        children: toData(children),
      }));
    return toData(buildUnitTree(visible));
  }, [visible, t]);

  // Open the roots and the way down to the selected unit; while searching, open everything found.
  useEffect(() => {
    if (query.trim()) {
      setExpanded(visible.map((u) => u.id));
      return;
    }
    setExpanded((current) => {
      const keys = new Set(current);
      for (const root of buildUnitTree(units)) keys.add(root.unit.id);
      if (selectedId) for (const a of ancestors(units, selectedId)) keys.add(a.id);
      return [...keys];
    });
  }, [units, selectedId, query, visible]);

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('units.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<Typography.Text type="secondary">{t('units.empty')}</Typography.Text>}
        />
      ) : (
        <Tree
          className="rs-unit-tree"
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
        />
      )}
    </>
  );
}
