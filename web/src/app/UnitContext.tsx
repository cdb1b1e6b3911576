import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useCurrentUser } from '../modules/auth/session';
import { permissions } from '../modules/auth/permissions';
import { useUnits } from '../modules/units/api';
import type { Unit } from '../modules/units/tree';

interface UnitContextValue {
  /** The unit list pages filter by; null = everything the user may see (system administrator). */
  unitId: string | null;
  unit: Unit | null;
  setUnitId: (id: string | null) => void;
  /** Whether the header offers the switcher. */
  canSwitch: boolean;
  /** Active units the user may see (what the switcher offers). */
  units: Unit[];
  isLoading: boolean;
}

const Ctx = createContext<UnitContextValue | null>(null);
const storageKey = (userId: string) => `redshield.unitContext.${userId}`;

/**
 * The unit the user is working on. A bureau's users may pick any unit they can see; the choice is
 * remembered per user in this browser. Everyone else works on their own unit.
 */
export function UnitContextProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const canSwitch = permissions.switchUnit(user);
  const { data: units = [], isLoading } = useUnits(false);
  const [chosen, setChosen] = useState<string | null>(() =>
    canSwitch ? localStorage.getItem(storageKey(user.id)) : null,
  );

  const setUnitId = useCallback(
    (id: string | null) => {
      if (id && id !== user.unitId) localStorage.setItem(storageKey(user.id), id);
      else localStorage.removeItem(storageKey(user.id));
      setChosen(id);
    },
    [user.id, user.unitId],
  );

  const value = useMemo(() => {
    // A remembered unit that is no longer visible (moved, deactivated) falls back to the user's own.
    const pick = canSwitch && chosen && units.some((u) => u.id === chosen) ? chosen : user.unitId;
    const unit = units.find((u) => u.id === pick) ?? null;
    return { unitId: pick, unit, setUnitId, canSwitch, units, isLoading };
  }, [canSwitch, chosen, units, user.unitId, setUnitId, isLoading]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useUnitContext(): UnitContextValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useUnitContext outside UnitContextProvider');
  return value;
}
