import { randomBytes } from 'node:crypto';
import { systemActor } from '../../src/platform/actor';
import type { Role } from '../../src/modules/users/users.schema';
import { ROLES } from '../../src/modules/users/users.schema';
import type { Services } from '../../src/services';
import { login, type TestApp } from './app';

export const TEST_PASSWORD = 'Testpass123';

/**
 * A tenant of the test's own, so tests never share records:
 *
 *   city (bureau)
 *   ├── district (bureau)        ← "own": one user per role acts for it
 *   │   └── office (市场监管所)   ← "child"
 *   └── sibling (bureau)         ← "sibling"
 *       └── siblingOffice
 *
 * "parent" is the city. Every unit also has one handler user, to target user routes.
 */
export async function createTenant(services: Services, opts: { roles?: readonly Role[] } = {}) {
  const tag = randomBytes(4).toString('hex');
  const create = (parentId: string | null, name: string, kind: 'bureau' | 'office', code: string) =>
    services.unitsService.create(systemActor, { parentId, name: `${name}-${tag}`, code: `${code}-${tag}`, kind });

  const city = await create(null, '测试市局', 'bureau', 'C');
  const district = await create(city.id, '测试区局', 'bureau', 'D');
  const office = await create(district.id, '测试所', 'office', 'DO');
  const sibling = await create(city.id, '兄弟区局', 'bureau', 'S');
  const siblingOffice = await create(sibling.id, '兄弟所', 'office', 'SO');

  const makeUser = async (unitId: string, roles: Role[], name: string) => {
    const username = `${name}_${tag}`;
    const user = await services.usersService.create(
      systemActor,
      { username, password: TEST_PASSWORD, displayName: name, unitId, roles },
      { mustChangePassword: false },
    );
    return { ...user, username };
  };

  const byRole = {} as Record<Role, Awaited<ReturnType<typeof makeUser>>>;
  for (const role of opts.roles ?? ROLES) byRole[role] = await makeUser(district.id, [role], `d_${role}`);

  const unitUsers = {
    own: await makeUser(district.id, ['handler'], 'own_handler'),
    child: await makeUser(office.id, ['handler'], 'child_handler'),
    sibling: await makeUser(sibling.id, ['handler'], 'sibling_handler'),
    parent: await makeUser(city.id, ['handler'], 'parent_handler'),
  };

  return {
    tag,
    units: { city, district, office, sibling, siblingOffice },
    /** The unit at each relation to the district, where the users of `byRole` act. */
    relations: { own: district, child: office, sibling, parent: city },
    byRole,
    unitUsers,
  };
}

export type Tenant = Awaited<ReturnType<typeof createTenant>>;
export const RELATIONS = ['own', 'child', 'sibling', 'parent'] as const;
export type Relation = (typeof RELATIONS)[number];

/** One more user of the tenant, with his roles at a unit, and his session. */
export async function addPerson(t: TestApp, tenant: Tenant, unitId: string, roles: Role[], name: string) {
  const username = `${name}_${tenant.tag}`;
  const user = await t.services.usersService.create(
    systemActor,
    { username, password: TEST_PASSWORD, displayName: name, unitId, roles },
    { mustChangePassword: false },
  );
  return { id: user.id, session: await login(t.app, username, TEST_PASSWORD) };
}
