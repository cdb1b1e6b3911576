import type { Db } from '../../db/database';
import { hasRole, type Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import type { UsersRepository } from './users.repository';
import { users } from './users.schema';

/**
 * The users' part of 我的待办, for an administrator of a unit: the accounts he opened in his units
 * that nobody has used yet — still on the initial password he handed out (须首次登录修改). Until the
 * person logs in the account is a password on paper; he follows up or deactivates it.
 */
export function createUserInbox(deps: { db: Db; usersRepository: Pick<UsersRepository, 'awaitingFirstLogin'> }) {
  const { db, usersRepository: repo } = deps;
  const provider: InboxProvider = async (actor: Actor) => {
    if (!hasRole(actor, 'admin')) return [];
    const { rows, total } = await repo.awaitingFirstLogin(db, unitIdInScope(actor, users.unitId), INBOX_KIND_LIMIT);
    const items = rows.map((u) => ({
      kind: 'user_first_login',
      recordType: 'user',
      recordId: u.id,
      title: `${u.displayName}（${u.username}）${u.unitName ? ` · ${u.unitName}` : ''}：账号已于 ${todayInChina(u.createdAt)} 开通，尚未首次登录修改初始密码`,
      dueAt: null,
      unitId: u.unitId,
      link: `/users?q=${encodeURIComponent(u.username)}`,
      overdue: false,
    }));
    return [section('user_first_login', items, total)];
  };
  return provider;
}
