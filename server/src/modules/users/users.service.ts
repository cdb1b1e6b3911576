import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { isUuid, requireUnitInScope, unitIdInScope, unitIdInSubtree } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import { checkPasswordStrength, hashPassword } from './password';
import { userPermissions, userPolicy } from './users.policy';
import type { UsersRepository } from './users.repository';
import { users, type Role, type UserRow } from './users.schema';

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  /** 电子邮箱; empty or null: none. */
  email?: string | null;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  email?: string | null;
  roles?: Role[];
  unitId?: string;
  active?: boolean;
}

/** An address as stored: trimmed, null when empty. */
const emailValue = (email: string | null | undefined) => email?.trim() || null;

/** A user as the API shows it and the audit log stores it: never the password hash. */
export function publicUser(u: UserRow) {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}

/**
 * Ending a user's sessions (auth's sessions repository). Declared here, as the one thing this
 * module needs of auth, so that users does not import auth (auth builds on users).
 */
export interface UserSessions {
  deleteAllOfUser(tx: Db, userId: string): Promise<void>;
}

export function createUsersService(deps: {
  db: Db;
  usersRepository: UsersRepository;
  sessionsRepository: UserSessions;
  auditService: AuditService;
  /** After a change of who may do what commits: sessions kept in memory are forgotten (access-cache.ts). */
  accessChanged?: () => void;
}) {
  const { db, usersRepository: repo, sessionsRepository: sessions, auditService } = deps;
  const accessChanged = deps.accessChanged ?? (() => undefined);
  const view = (actor: Actor, u: UserRow) => ({ ...publicUser(u), can: userPermissions(actor, u) });

  async function requireUserInScope(actor: Actor, id: string): Promise<UserRow> {
    const user = isUuid(id) ? await repo.findById(db, id) : undefined;
    if (!user) throw notFound('用户');
    if (actor.isSystemAdmin) return user;
    if (user.unitId === null) throw notFound('用户');
    await requireUnitInScope(db, actor, user.unitId, '用户');
    return user;
  }

  return {
    async list(actor: Actor, q: { unitId?: string; q?: string; page: number; pageSize: number }) {
      if (!userPolicy.canList(actor)) throw forbidden('您没有查看用户列表的权限');
      // A chosen unit lists its users and those of every unit below it.
      const within = q.unitId ? await requireUnitInScope(db, actor, q.unitId) : undefined;
      const { items, total } = await repo.list(db, {
        scope: unitIdInScope(actor, users.unitId),
        within: within ? unitIdInSubtree(within.path, users.unitId) : undefined,
        q: q.q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map((u) => view(actor, u)), total };
    },

    /**
     * People who may take a duty on a unit's record (批准立案的负责人, 执行人员, 经办人 …): active users
     * with the role in the unit's line. Anyone who sees the unit may ask: a handler of a brigade must
     * be able to name the bureau's leader who approved the filing. Names only.
     */
    async peopleFor(actor: Actor, unitId: string, role: Role) {
      const unit = await requireUnitInScope(db, actor, unitId);
      const people = await repo.inLine(db, unit.path, role);
      return { items: people };
    },

    async get(actor: Actor, id: string) {
      const user = await requireUserInScope(actor, id);
      if (user.id !== actor.userId && !userPolicy.canList(actor)) throw forbidden();
      return view(actor, user);
    },

    async create(actor: Actor, input: CreateUserInput, opts: { mustChangePassword?: boolean } = {}) {
      const unit = await requireUnitInScope(db, actor, input.unitId);
      if (!userPolicy.canCreate(actor)) throw forbidden('只有管理员可以创建用户');
      if (!unit.active) throw invalidField('unitId', '该单位已停用');
      checkPasswordStrength(input.password, 'password', input.username);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        if (await repo.findByUsername(tx, input.username))
          throw invalidField('username', `用户名“${input.username}”已被使用`);
        const created = await repo.insert(tx, {
          username: input.username,
          passwordHash,
          displayName: input.displayName,
          email: emailValue(input.email),
          unitId: unit.id,
          roles: [...new Set(input.roles)],
          mustChangePassword: opts.mustChangePassword ?? true,
        });
        await auditService.record(tx, actor, {
          action: 'user.create',
          recordId: created.id,
          unitId: unit.id,
          after: publicUser(created),
        });
        return view(actor, created);
      });
    },

    async update(actor: Actor, id: string, input: UpdateUserInput) {
      const user = await requireUserInScope(actor, id);
      if (!userPolicy.canUpdate(actor, user)) throw forbidden();
      if (user.id === actor.userId && input.active === false) throw invalidField('active', '不能停用自己的账号');
      if (input.roles && userPolicy.dropsOwnAdmin(actor, user, input.roles)) {
        throw invalidField('roles', '不能取消自己的管理员角色');
      }
      if (input.unitId !== undefined) {
        const unit = await requireUnitInScope(db, actor, input.unitId);
        if (!unit.active) throw invalidField('unitId', '该单位已停用');
      }
      const updated = await db.transaction(async (tx) => {
        const patch = {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.email !== undefined ? { email: emailValue(input.email) } : {}),
          ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
          ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        };
        const updated = await repo.update(tx, id, input.version, patch);
        if (!updated) throw conflict('该用户已被他人修改，请刷新后再试');
        // A deactivated user's sessions end here, so a later reactivation cannot bring them back.
        if (input.active === false) await sessions.deleteAllOfUser(tx, id);
        await auditService.record(tx, actor, {
          action: 'user.update',
          recordId: id,
          unitId: updated.unitId,
          before: publicUser(user),
          after: publicUser(updated),
        });
        return view(actor, updated);
      });
      accessChanged();
      return updated;
    },

    async resetPassword(actor: Actor, id: string, password: string) {
      const user = await requireUserInScope(actor, id);
      if (!userPermissions(actor, user).resetPassword)
        throw forbidden('不能重置此用户的密码（修改自己的密码请用“修改密码”）');
      checkPasswordStrength(password, 'password', user.username);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.update(tx, id, null, { passwordHash, mustChangePassword: true });
        // Whoever was logged in as this user (with the old password) is logged out with the reset.
        await sessions.deleteAllOfUser(tx, id);
        await auditService.record(tx, actor, { action: 'user.password_reset', recordId: id, unitId: user.unitId });
      });
      accessChanged();
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
