import type { Role } from './roles';

/** Who is acting: the logged-in user, with the unit it acts for. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** null for the system administrator, whose scope is every unit. */
  unitId: string | null;
  /** Materialised path of the actor's unit ("/<root>/…/<unit>/"), null for the system administrator. */
  unitPath: string | null;
  roles: Role[];
  isSystemAdmin: boolean;
  requestId?: string;
}

export const hasRole = (actor: Actor, ...roles: Role[]) =>
  actor.isSystemAdmin || roles.some((r) => actor.roles.includes(r));

/** The actor used by start-up jobs (seeding, migrations of data). */
export const systemActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  unitId: null,
  unitPath: null,
  roles: ['admin'],
  isSystemAdmin: true,
};
