import type { ReactNode } from 'react';
import {
  TrophyOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  InboxOutlined,
  MailOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  TeamOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../locales/i18n';
import type { CurrentUser } from '../modules/auth/session';
import { permissions } from '../modules/auth/permissions';
import { InboxCount } from '../modules/inbox/InboxCard';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Whether the user gets this entry (pages check again and show 403). */
  allowed: (user: CurrentUser) => boolean;
  /** A count beside the label (我的待办). */
  count?: ReactNode;
}

/** The side menu, one entry per module, in order. */
export const NAV: NavItem[] = [
  { path: '/', label: 'menu.home', icon: <DashboardOutlined />, allowed: () => true },
  { path: '/inbox', label: 'menu.inbox', icon: <CheckSquareOutlined />, allowed: () => true, count: <InboxCount /> },
  { path: '/campaigns', label: 'menu.campaigns', icon: <FlagOutlined />, allowed: () => true },
  { path: '/leads', label: 'menu.leads', icon: <InboxOutlined />, allowed: () => true },
  { path: '/cases', label: 'menu.cases', icon: <FileSearchOutlined />, allowed: () => true },
  { path: '/case-supervisions', label: 'menu.caseSupervisions', icon: <EyeOutlined />, allowed: () => true },
  { path: '/approvals', label: 'menu.approvals', icon: <CheckSquareOutlined />, allowed: permissions.seeApprovals },
  { path: '/rectifications', label: 'menu.rectifications', icon: <AuditOutlined />, allowed: () => true },
  // 协查与通报 with other bureaus (issue 20): every bureau's people send, receive or follow them.
  { path: '/assistance', label: 'menu.assistance', icon: <SwapOutlined />, allowed: () => true },
  { path: '/talent-pool', label: 'menu.talentPool', icon: <TrophyOutlined />, allowed: () => true },
  { path: '/comparison', label: 'menu.comparison', icon: <BarChartOutlined />, allowed: () => true },
  { path: '/inspections', label: 'menu.inspections', icon: <SafetyOutlined />, allowed: () => true },
  { path: '/random-checks', label: 'menu.randomChecks', icon: <CarryOutOutlined />, allowed: () => true },
  { path: '/case-reviews', label: 'menu.caseReviews', icon: <FileDoneOutlined />, allowed: () => true },
  // 督查工作: the page is 我的督查组 (a group's people may be of any role); visits and rounds open from it.
  { path: '/supervision', label: 'menu.supervision', icon: <ScheduleOutlined />, allowed: () => true },
  { path: '/units', label: 'menu.units', icon: <ApartmentOutlined />, allowed: () => true },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, allowed: permissions.listUsers },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, allowed: permissions.viewAudit },
  {
    path: '/email-failures',
    label: 'menu.emailFailures',
    icon: <MailOutlined />,
    allowed: permissions.manageEmailFailures,
  },
  { path: '/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, allowed: () => true },
];

/** The menu entry a location belongs to. */
export const navItemFor = (pathname: string): NavItem | undefined =>
  NAV.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  )[0];
