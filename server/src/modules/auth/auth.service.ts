import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { actorOfUser, systemActor } from '../../platform/actor';
import { createAccessCache, type AccessCache } from '../../platform/access-cache';
import { invalidField, tooManyRequests, unauthorized } from '../../platform/errors';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import { publicUser } from '../users/users.service';
import { checkPasswordStrength, hashPassword, passwordProblem, verifyPassword } from '../users/password';
import type { SessionsRepository } from './sessions.repository';
import { waitInWords } from './throttle';
import type { LoginThrottle } from './throttle.service';

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;
const SLIDE_AFTER_MS = 10 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export function createAuthService(deps: {
  db: Db;
  sessionsRepository: SessionsRepository;
  usersRepository: UsersRepository;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  throttle: LoginThrottle;
  /** Sessions kept for seconds while the change signal is heard (platform/access-cache.ts). */
  accessCache?: AccessCache;
  now?: () => Date;
}) {
  const { db, sessionsRepository: sessions, usersRepository: users, auditService, throttle } = deps;
  const now = deps.now ?? (() => new Date());
  const accessCache = deps.accessCache ?? createAccessCache();
  // Verifying against a real hash when the user does not exist keeps the answer time the same.
  const dummyHash = hashPassword('not-a-real-password-1');

  const actorOf = actorOfUser;

  async function me(actor: Actor) {
    const user = await users.findById(db, actor.userId);
    if (!user) throw unauthorized();
    const unit = user.unitId ? await deps.unitsRepository.findById(db, user.unitId) : undefined;
    return { ...publicUser(user), unitName: unit?.name ?? null, unitKind: unit?.kind ?? null };
  }

  return {
    async login(username: string, password: string, address: string, requestId?: string) {
      const wait = await throttle.admit(username, address);
      if (wait > 0) throw tooManyRequests(`登录失败次数过多，请 ${waitInWords(wait)}后再试`, wait);
      const user = await users.findByUsername(db, username);
      const ok = user
        ? await verifyPassword(user.passwordHash, password)
        : (await verifyPassword(await dummyHash, password), false);
      if (!user || !ok || !user.active) {
        await throttle.recordFailure(address);
        throw unauthorized('用户名或密码不正确');
      }
      const unit = user.unitId ? await deps.unitsRepository.findById(db, user.unitId) : undefined;
      if (user.unitId && !unit?.active) throw unauthorized('您所在的单位已停用，请联系管理员');
      await throttle.recordSuccess(username, address);
      const sessionToken = token();
      const csrfToken = token();
      const actor = actorOf(user, unit?.path ?? null, requestId);
      await db.transaction(async (tx) => {
        await sessions.insert(tx, {
          tokenHash: sha256(sessionToken),
          userId: user.id,
          csrfToken,
          expiresAt: new Date(now().getTime() + SESSION_IDLE_MS),
        });
        await auditService.record(tx, actor, {
          action: 'auth.login',
          recordId: user.id,
          unitId: user.unitId,
          after: { address },
        });
      });
      return { sessionToken, csrfToken, user: await me(actor) };
    },

    /** The actor behind a session cookie, or null when the session is unknown, expired or disabled. */
    async resolve(sessionToken: string, requestId?: string) {
      const tokenHash = sha256(sessionToken);
      // Kept for seconds: the change signal makes every process forget a session that ended or a
      // user or unit that changed (logout, password, deactivation, roles) the moment it commits.
      const found = await accessCache.through(`session:${tokenHash}`, () => sessions.findLive(db, tokenHash, now()));
      if (!found || !found.user.active || (found.user.unitId && !found.unitActive)) return null;
      const remaining = found.session.expiresAt.getTime() - now().getTime();
      if (remaining <= 0) return null;
      if (SESSION_IDLE_MS - remaining > SLIDE_AFTER_MS) {
        const expiresAt = new Date(now().getTime() + SESSION_IDLE_MS);
        await sessions.extend(db, tokenHash, expiresAt);
        found.session.expiresAt = expiresAt;
      }
      return {
        actor: actorOf(found.user, found.unitPath, requestId),
        csrfToken: found.session.csrfToken,
        tokenHash,
        mustChangePassword: found.user.mustChangePassword,
      };
    },

    async logout(actor: Actor, tokenHash: string) {
      await db.transaction(async (tx) => {
        await sessions.delete(tx, tokenHash);
        await auditService.record(tx, actor, { action: 'auth.logout', recordId: actor.userId, unitId: actor.unitId });
      });
      accessCache.forget();
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string, keepTokenHash: string) {
      const user = await users.findById(db, actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw invalidField('currentPassword', '当前密码不正确');
      }
      checkPasswordStrength(newPassword, 'newPassword', user.username);
      if (currentPassword === newPassword) throw invalidField('newPassword', '新密码不能与当前密码相同');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await users.update(tx, user.id, null, { passwordHash, mustChangePassword: false });
        // Other sessions of this user end: whoever knew the old password is logged out.
        await sessions.deleteOthersOfUser(tx, user.id, keepTokenHash);
        await auditService.record(tx, actor, {
          action: 'auth.password_change',
          recordId: user.id,
          unitId: user.unitId,
        });
      });
      accessCache.forget();
    },

    me,

    /**
     * Creates the system administrator on a database without users. Its password is ADMIN_PASSWORD,
     * or a random one that is returned so that it can be printed once.
     */
    async ensureSystemAdmin(adminPassword?: string): Promise<{ created: boolean; password?: string }> {
      if ((await users.count(db)) > 0) return { created: false };
      const weak = adminPassword !== undefined && passwordProblem(adminPassword, 'admin');
      if (weak) throw new Error(`ADMIN_PASSWORD 不符合密码要求：${weak}`);
      const password = adminPassword ?? `Rs${randomBytes(9).toString('base64url')}9`;
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const admin = await users.insert(tx, {
          username: 'admin',
          passwordHash,
          displayName: '系统管理员',
          unitId: null,
          roles: ['admin'],
          isSystemAdmin: true,
        });
        await auditService.record(tx, systemActor, {
          action: 'user.create',
          recordId: admin.id,
          unitId: null,
          after: publicUser(admin),
        });
      });
      return { created: true, password: adminPassword ? undefined : password };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
