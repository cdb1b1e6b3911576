import type { ReactNode } from 'react';
import {
  ExperimentOutlined,
  TrophyOutlined,
  SendOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ContainerOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  InboxOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  ScheduleOutlined,
  TeamOutlined,
  SwapOutlined,
  NotificationOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../locales/i18n';
import type { CurrentUser } from '../modules/auth/session';
import { permissions } from '../modules/auth/permissions';
import { InboxCount } from '../modules/inbox/InboxCard';

/** The menu's sections, in order: the day's work, enforcement, oversight, other authorities and the public, the system. */
export const NAV_GROUPS = ['work', 'enforcement', 'oversight', 'cooperation', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  path: string;
  /** The section of the menu it is listed under (menu.group.*). */
  group: NavGroup;
  label: MessageKey;
  icon: ReactNode;
  /** Whether the user gets this entry (pages check again and show 403). */
  allowed: (user: CurrentUser) => boolean;
  /** A count beside the label (我的待办). */
  count?: ReactNode;
}

/** The side menu, one entry per module, in order. */
export const NAV: NavItem[] = [
  { path: '/', group: 'work', label: 'menu.home', icon: <DashboardOutlined />, allowed: () => true },
  {
    path: '/inbox',
    group: 'work',
    label: 'menu.inbox',
    icon: <CheckSquareOutlined />,
    allowed: () => true,
    count: <InboxCount />,
  },
  { path: '/campaigns', group: 'work', label: 'menu.campaigns', icon: <FlagOutlined />, allowed: () => true },
  { path: '/leads', group: 'enforcement', label: 'menu.leads', icon: <InboxOutlined />, allowed: () => true },
  { path: '/cases', group: 'enforcement', label: 'menu.cases', icon: <FileSearchOutlined />, allowed: () => true },
  {
    path: '/case-supervisions',
    group: 'enforcement',
    label: 'menu.caseSupervisions',
    icon: <EyeOutlined />,
    allowed: () => true,
  },
  {
    path: '/approvals',
    group: 'work',
    label: 'menu.approvals',
    icon: <CheckSquareOutlined />,
    allowed: permissions.seeApprovals,
  },
  {
    path: '/rectifications',
    group: 'oversight',
    label: 'menu.rectifications',
    icon: <AuditOutlined />,
    allowed: () => true,
  },
  { path: '/talent-pool', group: 'oversight', label: 'menu.talentPool', icon: <TrophyOutlined />, allowed: () => true },
  {
    path: '/comparison',
    group: 'oversight',
    label: 'menu.comparison',
    icon: <BarChartOutlined />,
    allowed: () => true,
  },
  {
    path: '/inspections',
    group: 'enforcement',
    label: 'menu.inspections',
    icon: <SafetyOutlined />,
    allowed: () => true,
  },
  {
    path: '/samples',
    group: 'enforcement',
    label: 'menu.samples',
    icon: <ExperimentOutlined />,
    allowed: () => true,
  },
  {
    path: '/market-entities',
    group: 'enforcement',
    label: 'menu.marketEntities',
    icon: <ShopOutlined />,
    allowed: () => true,
  },
  {
    path: '/random-checks',
    group: 'enforcement',
    label: 'menu.randomChecks',
    icon: <CarryOutOutlined />,
    allowed: () => true,
  },
  {
    path: '/seized-goods',
    group: 'enforcement',
    label: 'menu.seizedGoods',
    icon: <ContainerOutlined />,
    allowed: () => true,
  },
  {
    path: '/case-reviews',
    group: 'oversight',
    label: 'menu.caseReviews',
    icon: <FileDoneOutlined />,
    allowed: () => true,
  },
  // 督查工作: the page is 我的督查组 (a group's people may be of any role); visits and rounds open from it.
  {
    path: '/supervision',
    group: 'oversight',
    label: 'menu.supervision',
    icon: <ScheduleOutlined />,
    allowed: () => true,
  },
  { path: '/units', group: 'system', label: 'menu.units', icon: <ApartmentOutlined />, allowed: () => true },
  { path: '/users', group: 'system', label: 'menu.users', icon: <TeamOutlined />, allowed: permissions.listUsers },
  { path: '/audit', group: 'system', label: 'menu.audit', icon: <AuditOutlined />, allowed: permissions.viewAudit },
  {
    path: '/email-failures',
    group: 'system',
    label: 'menu.emailFailures',
    icon: <MailOutlined />,
    allowed: permissions.manageEmailFailures,
  },
  { path: '/calendar', group: 'system', label: 'menu.calendar', icon: <CalendarOutlined />, allowed: () => true },
  { path: '/transfers', group: 'cooperation', label: 'menu.transfers', icon: <SendOutlined />, allowed: () => true },
  { path: '/assistance', group: 'cooperation', label: 'menu.assistance', icon: <SwapOutlined />, allowed: () => true },
  {
    path: '/joint-operations',
    group: 'cooperation',
    label: 'menu.jointOperations',
    icon: <ClusterOutlined />,
    allowed: () => true,
  },
  {
    path: '/credit',
    group: 'cooperation',
    label: 'menu.credit',
    icon: <SafetyCertificateOutlined />,
    allowed: () => true,
  },
  {
    path: '/disclosures',
    group: 'cooperation',
    label: 'menu.disclosures',
    icon: <NotificationOutlined />,
    allowed: () => true,
  },
];

/** The menu entry a location belongs to. */
export const navItemFor = (pathname: string): NavItem | undefined =>
  NAV.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  )[0];
