import type { CurrentUser } from '../auth/session';

/** Who sees 登记保管 (the server decides per unit): handlers, the office and administrators. */
export const canKeepSeizedGoods = (user: CurrentUser) =>
  user.isSystemAdmin || user.roles.some((r) => ['handler', 'office', 'admin'].includes(r));
