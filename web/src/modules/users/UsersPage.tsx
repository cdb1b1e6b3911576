import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useUnitContext } from '../../app/UnitContext';
import { permissions } from '../auth/permissions';
import { RoleTags } from '../auth/RoleTags';
import { useCurrentUser } from '../auth/session';
import { useUnits } from '../units/api';
import { buildUnitTree, toTreeOptions } from '../units/tree';
import { useUserMutations, useUsers, type User } from './api';
import { parseUsersView, toUsersQuery, usersSearch } from './list-view';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/**
 * 用户管理. Without a unit chosen the list covers everything the user may see; a chosen unit lists
 * the users directly in it (the API's unitId filter). The header's unit switcher presets the unit.
 */
export function UsersPage() {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const { unitId: contextUnitId } = useUnitContext();
  const allUnits = useUnits(true);
  const units = useMemo(() => allUnits.data ?? [], [allUnits.data]);
  // The filters and the page live in the address; the unit is the address's, else the header's
  // (the user's own unit sends none: it is already everything they see).
  const { view, setView, change } = useListView(parseUsersView, usersSearch);
  const unitFilter = useListUnit(view.unitId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { update } = useUserMutations();
  const users = useUsers(toUsersQuery(view, unitFilter));
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const treeData = useMemo(() => toTreeOptions(buildUnitTree(units)), [units]);
  const filterHasChildren = !!unitFilter && units.some((u) => u.parentId === unitFilter);
  const canManage = permissions.manageUsers(me);

  const toggleActive = (user: User) =>
    update.mutate(
      { id: user.id, body: { version: user.version, active: !user.active } },
      {
        onSuccess: (u) => void message.success(t(u.active ? 'units.reactivated' : 'units.deactivated')),
        onError: (e) => showError(e),
      },
    );

  const columns: TableColumnsType<User> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string, user) => (
        <Space size={6}>
          <span className="rs-mono">{username}</span>
          {user.id === me.id && <Tag color="blue">{t('users.you')}</Tag>}
        </Space>
      ),
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'email', title: t('users.email'), dataIndex: 'email', render: (email: string | null) => email ?? '—' },
    {
      key: 'unit',
      title: t('users.unit'),
      dataIndex: 'unitId',
      render: (unitId: string | null) =>
        unitId ? (unitNames.get(unitId) ?? t('users.unknownUnit')) : t('auth.noUnit'),
    },
    {
      key: 'roles',
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (_: unknown, user) => <RoleTags roles={user.roles} systemAdmin={user.isSystemAdmin} />,
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 150,
      render: (_: unknown, user) => (
        <Space size={4} wrap>
          <Badge
            status={user.active ? 'success' : 'default'}
            text={t(user.active ? 'common.active' : 'common.inactive')}
          />
          {user.mustChangePassword && <Tag color="warning">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 220,
            render: (_: unknown, user: User) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  disabled={!user.can.update}
                  onClick={() => setDialog({ kind: 'edit', user })}
                >
                  {t('users.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  disabled={!user.can.resetPassword}
                  onClick={() => setDialog({ kind: 'reset', user })}
                >
                  {t('users.resetPassword')}
                </Button>
                <Popconfirm
                  title={t(user.active ? 'users.deactivateConfirm' : 'users.reactivateConfirm', {
                    name: user.displayName,
                  })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: user.active }}
                  disabled={!user.can.deactivate}
                  onConfirm={() => toggleActive(user)}
                >
                  <Button type="link" size="small" danger={user.active} disabled={!user.can.deactivate}>
                    {t(user.active ? 'users.deactivate' : 'users.reactivate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('users.unitFilter')}</Typography.Text>
          <TreeSelect
            style={{ width: 300 }}
            value={unitFilter}
            onChange={(unitId?: string) => change({ unitId })}
            treeData={treeData}
            treeDefaultExpandedKeys={unitFilter ? [unitFilter] : treeData.map((n) => n.key)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            allowClear={!!view.unitId}
            placeholder={t('users.unitFilterAll')}
            aria-label={t('users.unitFilter')}
          />
          <Input.Search
            key={view.q ?? ''}
            allowClear
            defaultValue={view.q}
            style={{ width: 260 }}
            placeholder={t('users.searchPlaceholder')}
            maxLength={50}
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          {filterHasChildren && (
            <Typography.Text type="secondary">
              <InfoCircleOutlined /> {t('users.exactUnitHint')}
            </Typography.Text>
          )}
        </Flex>
        {users.isError && !users.data ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            rowClassName={(u) => (u.active ? '' : 'rs-tree-inactive')}
            pagination={listPagination(view, setView, t, users.data)}
            scroll={{ x: 900 }}
          />
        )}
      </Card>

      {dialog?.kind === 'create' && (
        <UserFormModal
          mode="create"
          units={units}
          defaultUnitId={unitFilter ?? contextUnitId}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormModal mode="edit" user={dialog.user} units={units} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}
