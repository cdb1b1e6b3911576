import { useMemo } from 'react';
import { Flex, TreeSelect, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useT } from '../locales/i18n';
import { useCurrentUser } from '../modules/auth/session';
import { buildUnitTree, toTreeOptions } from '../modules/units/tree';
import { useUnitContext } from './UnitContext';

/**
 * Header control: the unit list pages filter by (for users of a bureau and the system administrator).
 * `block`: the whole width of its container, without the label (the phone's menu drawer).
 */
export function UnitSwitcher({ block = false }: { block?: boolean }) {
  const t = useT();
  const user = useCurrentUser();
  const { unitId, setUnitId, units, canSwitch, isLoading } = useUnitContext();
  const treeData = useMemo(() => toTreeOptions(buildUnitTree(units)), [units]);

  if (!canSwitch) return null;
  return (
    <Flex align="center" gap={8} className="rs-unit-switcher" style={block ? { width: '100%' } : undefined}>
      {!block && (
        <>
          <ApartmentOutlined style={{ color: '#8c8c8c' }} />
          <Typography.Text type="secondary" className="rs-hide-narrow">
            {t('layout.unitContext')}
          </Typography.Text>
        </>
      )}
      <TreeSelect
        aria-label={t('layout.unitContext')}
        title={t('layout.unitContextHint')}
        value={unitId ?? undefined}
        onChange={(id?: string) => setUnitId(id ?? null)}
        treeData={treeData}
        loading={isLoading}
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeDefaultExpandedKeys={unitId ? [unitId] : treeData.map((n) => n.key)}
        allowClear={user.isSystemAdmin}
        placeholder={t('auth.noUnit')}
        popupMatchSelectWidth={block ? false : 360}
        style={{ width: block ? '100%' : 300 }}
      />
    </Flex>
  );
}
