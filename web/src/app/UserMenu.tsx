import { useState } from 'react';
import { App, Avatar, Dropdown, Flex, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../locales/i18n';
import { ChangePasswordModal } from '../modules/auth/ChangePasswordModal';
import { useCurrentUser, useLogout } from '../modules/auth/session';

/** The current user (name, unit) with 修改密码 and 退出登录; forces the password change when required. */
export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const logout = useLogout();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);

  const doLogout = () => logout.mutate(undefined, { onSettled: () => void message.success(t('auth.loggedOut')) });

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : doLogout()),
        }}
      >
        <Flex
          align="center"
          gap={10}
          className="rs-user-menu"
          role="button"
          tabIndex={0}
          aria-label={t('layout.userMenu')}
        >
          <Avatar style={{ background: '#c8102e' }} icon={<UserOutlined />} />
          <Flex vertical style={{ lineHeight: 1.3 }} className="rs-hide-phone">
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {user.unitName ?? t('auth.noUnit')}
            </Typography.Text>
          </Flex>
        </Flex>
      </Dropdown>
      <ChangePasswordModal
        open={changing || user.mustChangePassword}
        forced={user.mustChangePassword}
        onClose={() => setChanging(false)}
      />
    </>
  );
}
