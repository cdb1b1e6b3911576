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

/** A user acting for the unit at unitPath (a signed-in session, or a job acting as that user). */
export const actorOfUser = (
  user: Pick<Actor, 'username' | 'displayName' | 'unitId' | 'roles' | 'isSystemAdmin'> & { id: string },
  unitPath: string | null,
  requestId?: string,
): Actor => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  unitId: user.unitId,
  unitPath,
  roles: user.roles,
  isSystemAdmin: user.isSystemAdmin,
  requestId,
});

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
