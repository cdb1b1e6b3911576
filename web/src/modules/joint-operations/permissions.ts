import type { CurrentUser } from '../auth/session';

/** Who sees 登记联合执法 (the server decides per unit): the office, leader, handlers and liaisons, and administrators. */
export const canRecordJointOperations = (user: CurrentUser) =>
  user.isSystemAdmin || user.roles.some((r) => ['office', 'leader', 'handler', 'liaison', 'admin'].includes(r));
