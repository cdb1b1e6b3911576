import { useUnitContext } from '../../app/UnitContext';
import { useCurrentUser } from '../../modules/auth/session';
import { listUnitId } from './list-view';

/** The unit a list filters by: the address's unitId, else the header's current unit (see listUnitId). */
export function useListUnit(addressUnitId: string | undefined): string | undefined {
  const user = useCurrentUser();
  const { unitId } = useUnitContext();
  return listUnitId(addressUnitId, unitId, user.unitId);
}
