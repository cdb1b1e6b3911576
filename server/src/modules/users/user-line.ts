import type { Db } from '../../db/database';
import { isSameLine } from '../../platform/scope';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UsersRepository } from './users.repository';
import type { Role } from './users.schema';

/**
 * Whether a person may act on a unit's record: an active user of the unit itself, of a unit above
 * it or of one below it (its line, 条线), holding one of the roles when roles are asked for.
 * Cases (四分离 duty holders), leads (handlers) and inspections (inspectors) all ask this.
 */
export function createUserLineCheck(deps: {
  db: Db;
  usersRepository: UsersRepository;
  unitsRepository: UnitsRepository;
}) {
  const { db, usersRepository, unitsRepository } = deps;
  return async function problem(userId: string, unit: UnitRow, label: string, roles?: Role[]): Promise<string | null> {
    const user = await usersRepository.findById(db, userId);
    const userUnit = user?.unitId ? await unitsRepository.findById(db, user.unitId) : undefined;
    if (!user || !user.active || !userUnit) return `${label}不存在或已停用`;
    if (!isSameLine(unit.path, userUnit.path))
      return `${label}“${user.displayName}”不属于${unit.name}或其上级、下级单位`;
    // The named person's roles, not the actor's: whether he can hold the duty (data validation,
    // a field error), not who may act, which the policies decide.
    if (roles && !roles.some((r) => user.roles.includes(r))) return `${label}“${user.displayName}”没有相应的角色`;
    return null;
  };
}

export type UserLineCheck = ReturnType<typeof createUserLineCheck>;
