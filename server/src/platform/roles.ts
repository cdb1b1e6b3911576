/**
 * Roles: 系统管理员 admin, 专项办 office, 联络员 liaison, 办案人员 handler, 法制审核 reviewer,
 * 局领导 leader, 督查组 supervisor.
 */
export const ROLES = ['admin', 'office', 'liaison', 'handler', 'reviewer', 'leader', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
