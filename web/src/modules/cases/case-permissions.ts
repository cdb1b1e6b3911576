import type { CurrentUser } from '../auth/session';

/**
 * Who registers cases and leads: handlers (办案人员), the campaign office (专项办) and administrators
 * (cases.policy / leads.policy `registrars`). Only to hide buttons that would answer 403; records
 * carry the server's own `can` flags.
 */
export const caseRegistrar = (user: CurrentUser) =>
  user.isSystemAdmin || user.roles.some((r) => r === 'handler' || r === 'office' || r === 'admin');
