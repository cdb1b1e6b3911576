import { NotificationBell } from '../modules/notifications/NotificationBell';
import { Suspense, useState } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu, Spin, Typography } from 'antd';
import { DesktopOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { permissions } from '../modules/auth/permissions';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../locales/i18n';
import { useCurrentUser } from '../modules/auth/session';
import { ShieldLogo } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV, NAV_GROUPS, navItemFor } from './nav';
import { UnitContextProvider } from './UnitContext';
import { UnitSwitcher } from './UnitSwitcher';
import { UserMenu } from './UserMenu';
import { OfflineStatus } from '../lib/offline/OfflineStatus';

const COLLAPSED_KEY = 'redshield.siderCollapsed';

/** The signed-in frame: side menu by module, header (unit switcher, language, user menu), page. */
export function AppLayout() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === 'true');
  // On a phone (narrower than md) the menu is a drawer over the page, so the page gets the whole width.
  const phone = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const selected = navItemFor(pathname)?.path;

  const toggle = () => {
    if (phone) return setMenuOpen(!menuOpen);
    localStorage.setItem(COLLAPSED_KEY, String(!collapsed));
    setCollapsed(!collapsed);
  };
  const brand = (small: boolean) => (
    <Flex align="center" gap={10} className="rs-sider-brand" onClick={() => navigate('/')}>
      <ShieldLogo size={30} />
      {!small && (
        <Flex vertical>
          <Typography.Text strong style={{ color: '#fff', fontSize: 17, lineHeight: 1.2 }}>
            {t('app.shortName')}
          </Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', fontSize: 11, lineHeight: 1.3 }}>
            {t('app.brandSub')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={NAV_GROUPS.map((group) => ({
        type: 'group' as const,
        key: `group-${group}`,
        label: t(`menu.group.${group}`),
        children: NAV.filter((item) => item.group === group && item.allowed(user)).map((item) => ({
          key: item.path,
          icon: item.icon,
          label: item.count ? (
            <Flex justify="space-between" align="center" gap={8}>
              {t(item.label)}
              {item.count}
            </Flex>
          ) : (
            t(item.label)
          ),
        })),
      })).filter((group) => group.children.length > 0)}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
    />
  );

  // Until a user whose password an administrator set has changed it, the server answers 403 to
  // everything else: show only the header with the forced change, no page that would just fail.
  if (user.mustChangePassword) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="rs-header">
          <ShieldLogo size={30} />
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
      </Layout>
    );
  }

  return (
    <UnitContextProvider>
      <Layout style={{ minHeight: '100vh' }}>
        {phone ? (
          <Drawer
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            placement="left"
            size={240}
            closable={false}
            styles={{ body: { padding: 0, background: '#0f2140' } }}
          >
            {brand(false)}
            {/* On a phone the unit switcher lives here: the header has no room for it. */}
            <div style={{ padding: '8px 12px' }}>
              <UnitSwitcher block />
            </div>
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            width={216}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            style={{ position: 'sticky', top: 0, height: '100vh' }}
          >
            {brand(collapsed)}
            {/* The menu scrolls under the brand when it is taller than the screen (a laptop's 768 px). */}
            <div className="rs-sider-menu">{menu}</div>
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header className="rs-header">
            <Button
              type="text"
              icon={collapsed || phone ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={t(collapsed || (phone && !menuOpen) ? 'layout.expand' : 'layout.collapse')}
            />
            <span className="rs-hide-phone">
              <UnitSwitcher />
            </span>
            <div style={{ flex: 1 }} />
            {permissions.openCommandScreen(user) && (
              <Button
                type="text"
                icon={<DesktopOutlined />}
                href="/screen"
                target="_blank"
                rel="noopener"
                className="rs-hide-phone"
              >
                {t('screen.open')}
              </Button>
            )}
            <OfflineStatus />
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Layout.Header>
          <Layout.Content className="rs-content">
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 80 }}>
                  <Spin size="large" />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="rs-footer">{t('app.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </UnitContextProvider>
  );
}
