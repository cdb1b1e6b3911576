import { App, Badge, Button, Descriptions, Empty, Flex, Popconfirm, Table, Tooltip, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, SwapOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { useUnitMutations } from './api';
import { UnitKindTag } from './UnitTree';
import type { Unit } from './tree';

export type UnitAction = 'createChild' | 'edit' | 'move';

/** The selected unit: its fields, its direct sub-units and the actions the server allows (per `can`). */
export function UnitDetails({
  unit,
  units,
  onAction,
  onSelect,
}: {
  unit: Unit;
  units: Unit[];
  onAction: (action: UnitAction) => void;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { setActive, invalidate } = useUnitMutations();
  const parent = units.find((u) => u.id === unit.parentId);
  const children = units.filter((u) => u.parentId === unit.id);

  // The server lets only a 局 have sub-units, and none under an inactive unit.
  const childBlock = !unit.can.createChild
    ? t('units.noPermission')
    : unit.kind !== 'bureau'
      ? t('units.onlyBureauChildren')
      : null;
  const noPermission = t('units.noPermission');

  const toggleActive = () =>
    setActive.mutate(
      { id: unit.id, body: { version: unit.version, active: !unit.active } },
      {
        onSuccess: (u) => void message.success(t(u.active ? 'units.reactivated' : 'units.deactivated')),
        onError: (e) => {
          showError(e);
          if (e instanceof ApiError && e.status === 409) void invalidate();
        },
      },
    );

  return (
    <Flex vertical gap={20}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} className={unit.active ? undefined : 'rs-tree-inactive'}>
            {unit.name}
          </Typography.Title>
          <Typography.Text type="secondary" className="rs-mono">
            {unit.code}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <Tooltip title={childBlock}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!!childBlock || !unit.active}
              onClick={() => onAction('createChild')}
            >
              {t('units.createChild')}
            </Button>
          </Tooltip>
          <Tooltip title={unit.can.update ? null : noPermission}>
            <Button icon={<EditOutlined />} disabled={!unit.can.update} onClick={() => onAction('edit')}>
              {t('units.edit')}
            </Button>
          </Tooltip>
          <Tooltip title={unit.can.move ? null : noPermission}>
            <Button icon={<SwapOutlined />} disabled={!unit.can.move} onClick={() => onAction('move')}>
              {t('units.move')}
            </Button>
          </Tooltip>
          <Popconfirm
            title={t(unit.active ? 'units.deactivateConfirm' : 'units.reactivateConfirm', { name: unit.name })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: unit.active }}
            onConfirm={toggleActive}
            disabled={!unit.can.deactivate}
          >
            <Tooltip title={unit.can.deactivate ? null : noPermission}>
              <Button
                danger={unit.active}
                icon={unit.active ? <StopOutlined /> : <CheckCircleOutlined />}
                disabled={!unit.can.deactivate}
                loading={setActive.isPending}
              >
                {t(unit.active ? 'units.deactivate' : 'units.reactivate')}
              </Button>
            </Tooltip>
          </Popconfirm>
        </Flex>
      </Flex>

      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        styles={{ label: { width: 130 } }}
        items={[
          { key: 'name', label: t('units.name'), children: unit.name },
          { key: 'code', label: t('units.code'), children: <span className="rs-mono">{unit.code}</span> },
          { key: 'kind', label: t('units.kind'), children: <UnitKindTag kind={unit.kind} /> },
          {
            key: 'division',
            label: t('units.divisionCode'),
            children: unit.divisionCode ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            key: 'parent',
            label: t('units.parent'),
            children: parent ? (
              <Typography.Link onClick={() => onSelect(parent.id)}>{parent.name}</Typography.Link>
            ) : unit.parentId ? (
              <Typography.Text type="secondary">{t('units.parentHidden')}</Typography.Text>
            ) : (
              t('units.topLevel')
            ),
          },
          {
            key: 'status',
            label: t('units.status'),
            children: (
              <Badge
                status={unit.active ? 'success' : 'default'}
                text={t(unit.active ? 'common.active' : 'common.inactive')}
              />
            ),
          },
          { key: 'children', label: t('units.children'), children: t('units.childCount', { count: children.length }) },
          { key: 'updatedAt', label: t('units.updatedAt'), children: formatDateTime(unit.updatedAt) },
        ]}
      />

      {unit.kind === 'bureau' && (
        <div>
          <Typography.Title level={5}>{t('units.children')}</Typography.Title>
          <Table<Unit>
            size="small"
            rowKey="id"
            dataSource={children}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.empty')} /> }}
            onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' } })}
            rowClassName={(row) => (row.active ? '' : 'rs-tree-inactive')}
            columns={[
              { key: 'name', title: t('units.name'), dataIndex: 'name' },
              {
                key: 'code',
                title: t('units.code'),
                dataIndex: 'code',
                render: (code: string) => <span className="rs-mono">{code}</span>,
              },
              {
                key: 'kind',
                title: t('units.kind'),
                dataIndex: 'kind',
                render: (kind: Unit['kind']) => <UnitKindTag kind={kind} />,
              },
              {
                key: 'status',
                title: t('units.status'),
                dataIndex: 'active',
                render: (active: boolean) => (
                  <Badge
                    status={active ? 'success' : 'default'}
                    text={t(active ? 'common.active' : 'common.inactive')}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </Flex>
  );
}
