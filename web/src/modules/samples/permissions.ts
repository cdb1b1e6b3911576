import type { CurrentUser } from '../auth/session';

/** Who sees 登记抽检 (the server decides per unit): handlers, the office and administrators. */
export const canRecordSamples = (user: CurrentUser) =>
  user.isSystemAdmin || user.roles.some((r) => ['office', 'handler', 'admin'].includes(r));
