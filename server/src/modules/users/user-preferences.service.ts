import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { UserPreferencesRepository } from './user-preferences.repository';

/**
 * 个人偏好 (a list's columns and density, …): each person reads and writes only his own, by the
 * session's user — there is no way to name another person. Personal display state changes nothing
 * anyone else sees, so it is not audited (like marking notifications read).
 */
export function createUserPreferencesService(deps: { db: Db; userPreferencesRepository: UserPreferencesRepository }) {
  const { db, userPreferencesRepository: repo } = deps;
  return {
    async get(actor: Actor, key: string) {
      const row = await repo.find(db, actor.userId, key);
      return { key, value: row?.value ?? null, updatedAt: row?.updatedAt ?? null };
    },
    async put(actor: Actor, key: string, value: Record<string, unknown>) {
      const row = await repo.put(db, actor.userId, key, value);
      return { key, value: row.value, updatedAt: row.updatedAt };
    },
  };
}

export type UserPreferencesService = ReturnType<typeof createUserPreferencesService>;
