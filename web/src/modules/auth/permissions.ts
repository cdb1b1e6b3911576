import type { CurrentUser, Role } from './session';

/** Every role, in the order the UI lists them. */
export const ROLES: Role[] = ['admin', 'office', 'liaison', 'handler', 'reviewer', 'leader', 'supervisor'];

const hasRole = (user: CurrentUser, ...roles: Role[]) =>
  user.isSystemAdmin || roles.some((r) => user.roles.includes(r));

/**
 * What the menu offers. These mirror the server's policies (users.policy, audit.service) only to
 * hide entries that would answer 403; the server decides every request itself.
 */
export const permissions = {
  listUsers: (user: CurrentUser) => hasRole(user, 'admin', 'office', 'leader'),
  /** 信用监管: penalty publications and credit listings (credit.policy canRecord). */
  recordCredit: (user: CurrentUser) => hasRole(user, 'admin', 'office', 'leader'),
  /** 大屏: the link for the 局领导 and the campaign office (the screen itself is for whoever sees the statistics). */
  openCommandScreen: (user: CurrentUser) => hasRole(user, 'leader', 'office'),
  manageUsers: (user: CurrentUser) => hasRole(user, 'admin'),
  viewAudit: (user: CurrentUser) => hasRole(user, 'admin'),
  /** 邮件发送失败: administrators see and resend failed notification e-mails (notification-emails.policy). */
  manageEmailFailures: (user: CurrentUser) => hasRole(user, 'admin'),
  /** 待我审批: the 局领导 decide the requests (approvals.policy: the role itself, an administrator is no leader). */
  decideApprovals: (user: CurrentUser) => user.roles.includes('leader'),
  /** The approvals page: the leaders decide there, a handler follows his own requests (立案审批). */
  seeApprovals: (user: CurrentUser) => user.roles.includes('leader') || user.roles.includes('handler'),
  manageCalendar: (user: CurrentUser) => user.isSystemAdmin,
  createTopLevelUnit: (user: CurrentUser) => user.isSystemAdmin,
  /** A bureau's campaign office (专项办) or administrator writes plans (campaigns.policy canCreateFor: a 局 in scope). */
  planCampaigns: (user: CurrentUser) =>
    hasRole(user, 'office', 'admin') && (user.isSystemAdmin || user.unitKind === 'bureau'),
  /** 双随机: the campaign office and administrators keep the register, draw and publish (random-checks.policy). */
  manageRandomChecks: (user: CurrentUser) => hasRole(user, 'office', 'admin'),
  /** 经济户口: the office, the leader and the administrator keep the register (market-entities.policy canEdit). */
  keepRegister: (user: CurrentUser) => hasRole(user, 'office', 'leader', 'admin'),
  /** 检查频次规则: the office and the administrator (market-entities.policy canKeepRules). */
  keepFrequencyRules: (user: CurrentUser) => hasRole(user, 'office', 'admin'),
  /** A bureau's users (and the system administrator) work across several units: they get the unit switcher. */
  switchUnit: (user: CurrentUser) => user.isSystemAdmin || user.unitKind === 'bureau',
};
