import { Select } from 'antd';
import { useT } from '../../locales/i18n';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { useCurrentUser, type Role } from '../../modules/auth/session';

export interface Person {
  id: string;
  displayName: string;
}

/**
 * Picks people with a role (the leader who approved filing, the investigator, the executor) from
 * GET /api/people: the role's active people in the handling unit's line, which anyone who sees the
 * unit may read. The server checks the role, the line and the four-person rule (四分离) again.
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
  // Everyone who may hold the duty on this unit's record: the role's active people of the unit's line.
  const candidates = useQuery({
    queryKey: ['people', unitId, role],
    queryFn: async () => unwrap(await api.GET('/api/people', { params: { query: { unitId: unitId!, role } } })).items,
    enabled: !!unitId,
  });
  const people = new Map<string, string>();
  for (const p of candidates.data ?? []) people.set(p.id, p.displayName);
  if (!unitId && user.roles.includes(role)) people.set(user.id, user.displayName);
  for (const p of known) if (p) people.set(p.id, p.displayName);
  const skip = new Set(exclude.filter(Boolean));
  const options = [...people]
    .filter(
      ([personId]) => !skip.has(personId) || (Array.isArray(value) ? value.includes(personId) : value === personId),
    )
    .map(([personId, name]) => ({ value: personId, label: personId === user.id ? t('records.me', { name }) : name }));

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={candidates.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={placeholder ?? t('records.pickPerson')}
      notFoundContent={t('records.noPeople')}
    />
  );
}
