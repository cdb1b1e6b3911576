import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { userPolicy } from './users.policy';
import type { UserRow } from './users.schema';

const admin: Actor = {
  userId: 'me',
  username: 'me',
  displayName: '我',
  unitId: 'd',
  unitPath: '/r/d/',
  roles: ['admin', 'office'],
  isSystemAdmin: false,
};
const row = (id: string, roles: UserRow['roles']) => ({ id, roles }) as UserRow;

describe('an administrator and his own administrator role', () => {
  it('may not drop it from himself', () => {
    expect(userPolicy.dropsOwnAdmin(admin, row('me', ['admin', 'office']), ['office'])).toBe(true);
  });

  it('may keep it, or change another user’s roles freely', () => {
    expect(userPolicy.dropsOwnAdmin(admin, row('me', ['admin', 'office']), ['admin'])).toBe(false);
    expect(userPolicy.dropsOwnAdmin(admin, row('other', ['admin']), ['office'])).toBe(false);
    expect(userPolicy.dropsOwnAdmin(admin, row('me', ['office']), ['handler'])).toBe(false);
  });
});
