import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { userPreferences } from './user-preferences.schema';

export function createUserPreferencesRepository() {
  return {
    async find(db: Db, userId: string, key: string) {
      const [row] = await db
        .select()
        .from(userPreferences)
        .where(and(eq(userPreferences.userId, userId), eq(userPreferences.key, key)));
      return row;
    },
    /** Insert or replace the person's value of a key (one row per person and key). */
    async put(db: Db, userId: string, key: string, value: Record<string, unknown>) {
      const [row] = await db
        .insert(userPreferences)
        .values({ userId, key, value })
        .onConflictDoUpdate({
          target: [userPreferences.userId, userPreferences.key],
          set: { value, updatedAt: new Date() },
        })
        .returning();
      return row;
    },
  };
}

export type UserPreferencesRepository = ReturnType<typeof createUserPreferencesRepository>;
