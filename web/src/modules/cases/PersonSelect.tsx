import { Select } from 'antd';
import { useT } from '../../locales/i18n';
import { permissions } from '../auth/permissions';
import { useCurrentUser, type Role } from '../auth/session';
import { useUnits } from '../units/api';
import { useUsers } from '../users/api';

export interface Person {
  id: string;
  displayName: string;
}

/**
 * Picks people with a role (the leader who approved filing, the investigator, the executor). The
 * list comes from /api/users, which only the office, leaders and administrators may read; others
 * get themselves (when they have the role) and the people the record already names. The server
 * checks the role, the unit line and the four-person rule (四分离) and answers on the field.
 */
export function PersonSelect({
  role,
  known = [],
  exclude = [],
  multiple,
  value,
  onChange,
  id,
  placeholder,
  unitId,
}: {
  role: Role;
  /** The handling unit: only people of its line (the unit, those above and below it) may hold a duty. */
  unitId?: string | null;
  /** People the record already names (shown even when the user cannot list users). */
  known?: (Person | null | undefined)[];
  /** People not to offer (those who already hold another duty on the case). */
  exclude?: (string | null | undefined)[];
  multiple?: boolean;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  id?: string;
  placeholder?: string;
}) {
  const t = useT();
  const user = useCurrentUser();
  const canList = permissions.listUsers(user);
  const users = useUsers({ page: 1, pageSize: 200 }, canList);
  const units = useUnits(false);
  const paths = new Map((units.data ?? []).map((u) => [u.id, u.path]));
  const unitPath = unitId ? paths.get(unitId) : undefined;
  const inLine = (userUnitId: string | null) => {
    const path = userUnitId ? paths.get(userUnitId) : undefined;
    return !unitPath || !path || unitPath.startsWith(path) || path.startsWith(unitPath);
  };
  const people = new Map<string, string>();
  for (const u of users.data?.items ?? []) if (u.active && u.roles.includes(role) && inLine(u.unitId)) people.set(u.id, u.displayName);
  if (user.roles.includes(role)) people.set(user.id, user.displayName);
  for (const p of known) if (p) people.set(p.id, p.displayName);
  const skip = new Set(exclude.filter(Boolean));
  const options = [...people]
    .filter(([personId]) => !skip.has(personId) || (Array.isArray(value) ? value.includes(personId) : value === personId))
    .map(([personId, name]) => ({ value: personId, label: personId === user.id ? t('cases.me', { name }) : name }));

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={users.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={placeholder ?? t('cases.pickPerson')}
      notFoundContent={canList ? t('cases.noPeople') : t('cases.cannotListPeople')}
    />
  );
}

/** Whether the user can pick people other than themselves (otherwise the form explains why not). */
export const canPickPeople = (user: Parameters<typeof permissions.listUsers>[0]) => permissions.listUsers(user);
