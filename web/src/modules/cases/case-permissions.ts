import type { CurrentUser } from '../auth/session';

/**
 * Who registers cases and leads: handlers (办案人员), the campaign office (专项办) and administrators
 * (cases.policy / leads.policy `registrars`). Only to hide buttons that would answer 403; records
 * carry the server's own `can` flags.
 */
export const caseRegistrar = (user: CurrentUser) =>
  user.isSystemAdmin || user.roles.some((r) => r === 'handler' || r === 'office' || r === 'admin');

/**
 * Who registers a case at once (登记: its filing approved already): the office, the leader and
 * administrators (cases.policy canCreate). A handler submits 立案审批 instead.
 */
export const filesCaseDirectly = (user: CurrentUser) =>
  user.isSystemAdmin || user.roles.some((r) => r === 'office' || r === 'leader' || r === 'admin');

/** Who opens the new-case form: to register it, or to ask for its filing. */
export const opensCaseForm = (user: CurrentUser) => caseRegistrar(user) || filesCaseDirectly(user);
