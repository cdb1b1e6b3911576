import { Avatar, Card, Col, Descriptions, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  ShopOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { NAV } from '../../app/nav';
import { PageContainer } from '../../app/PageContainer';
import { useUnitContext } from '../../app/UnitContext';
import { RoleTags } from '../auth/RoleTags';
import { permissions } from '../auth/permissions';
import { useCurrentUser } from '../auth/session';
import { useUnits } from '../units/api';
import { countByKind } from '../units/tree';
import { useUsers } from '../users/api';
import { ActiveCampaignsCard } from '../campaigns/ActiveCampaignsCard';
import { DeadlinesCard } from '../cases/DeadlinesCard';
import { RemindersCard } from '../reports/RemindersCard';
import { InboxCard } from '../inbox/InboxCard';
import type { MessageKey } from '../../locales/i18n';

const QUICK: Record<string, MessageKey> = {
  '/inbox': 'home.quickInbox',
  '/campaigns': 'home.quickCampaigns',
  '/leads': 'home.quickLeads',
  '/cases': 'home.quickCases',
  '/units': 'home.quickUnits',
  '/users': 'home.quickUsers',
  '/audit': 'home.quickAudit',
  '/calendar': 'home.quickCalendar',
};

/** 工作台: who I am, the campaigns under way, what I may see (real counts from the API), shortcuts. */
export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { unit: contextUnit } = useUnitContext();
  const units = useUnits(false);
  const canListUsers = permissions.listUsers(user);
  // pageSize 1: only the total is needed.
  const users = useUsers({ page: 1, pageSize: 1 }, canListUsers);
  const counts = countByKind(units.data ?? []);
  const scopeName = user.unitName ?? t('auth.noUnit');

  // The breakdown by kind only says something when more than one unit is visible.
  const breakdown = (units.data?.length ?? 0) > 1;
  const stats = [
    {
      key: 'units',
      title: t('home.statUnits'),
      value: units.data?.length,
      icon: <ApartmentOutlined />,
      loading: units.isPending,
    },
    ...(breakdown
      ? [
          {
            key: 'bureaus',
            title: t('home.statBureaus'),
            value: counts.bureau,
            icon: <BankOutlined />,
            loading: false,
          },
          {
            key: 'offices',
            title: t('home.statOffices'),
            value: counts.office,
            icon: <ShopOutlined />,
            loading: false,
          },
          {
            key: 'brigades',
            title: t('home.statBrigades'),
            value: counts.brigade,
            icon: <ThunderboltOutlined />,
            loading: false,
          },
        ]
      : []),
    ...(canListUsers
      ? [
          {
            key: 'users',
            title: t('home.statUsers'),
            value: users.data?.total,
            icon: <TeamOutlined />,
            loading: users.isPending,
          },
        ]
      : []),
  ];

  return (
    <PageContainer title={t('menu.home')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={20} align="flex-start" wrap>
          <Avatar size={64} style={{ background: '#c8102e', flex: 'none' }} icon={<UserOutlined />} />
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {t('home.welcome', { name: user.displayName })}
            </Typography.Title>
            <Descriptions
              column={{ xs: 1, md: 3 }}
              size="small"
              items={[
                { key: 'unit', label: t('home.unit'), children: user.unitName ?? t('auth.noUnit') },
                {
                  key: 'roles',
                  label: t('home.roles'),
                  children: <RoleTags roles={user.roles} systemAdmin={user.isSystemAdmin} />,
                },
                ...(permissions.switchUnit(user)
                  ? [{ key: 'context', label: t('home.context'), children: contextUnit?.name ?? t('auth.noUnit') }]
                  : []),
              ]}
            />
          </div>
        </Flex>
      </Card>

      <InboxCard />
      <RemindersCard />
      <DeadlinesCard />

      <ActiveCampaignsCard />

      <div className="rs-stats">
        {stats.map((s) => (
          <Card key={s.key}>
            {s.loading ? (
              <Skeleton active paragraph={false} />
            ) : (
              <Statistic title={s.title} value={s.value ?? 0} prefix={s.icon} />
            )}
          </Card>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 20px' }}>
        {t('home.statScope', { unit: scopeName })}
      </Typography.Paragraph>

      <Card title={t('home.quickLinks')}>
        <Row gutter={[16, 16]}>
          {NAV.filter((item) => item.path !== '/' && item.allowed(user)).map((item) => (
            <Col key={item.path} xs={24} md={12} xl={6}>
              <Card hoverable size="small" onClick={() => navigate(item.path)} role="link">
                <Card.Meta
                  avatar={<span style={{ fontSize: 22, color: '#1f5fbf' }}>{item.icon}</span>}
                  title={t(item.label)}
                  description={t(QUICK[item.path])}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </PageContainer>
  );
}
