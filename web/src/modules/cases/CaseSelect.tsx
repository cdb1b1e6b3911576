import { useState } from 'react';
import { Select } from 'antd';
import { narrowCached } from '../../lib/offline/form-draft';
import { useCases } from './api';
import { caseOption } from './case-option';

/**
 * A case of the user's scope, searched by number or name (the ledger's search). Without a network
 * it offers what was last read (the service worker keeps the ledger's answers for the forms).
 */
export function CaseSelect({
  value,
  onChange,
  id,
  unitId,
  initialLabel,
  placeholder,
  ariaLabel,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  /** Cases of this unit and its subunits (all of the scope when absent). */
  unitId?: string | null;
  /** The stored case's number, shown before the first search. */
  initialLabel?: string | null;
  placeholder?: string;
  ariaLabel?: string;
}) {
  const [q, setQ] = useState('');
  const cases = useCases({ q: q.trim() || undefined, unitId: unitId ?? undefined, page: 1, pageSize: 20 });
  // Until the search is answered (offline it waits), the last answer narrowed to what was typed.
  const found = cases.isPlaceholderData
    ? narrowCached(cases.data?.items ?? [], q, (c) => `${c.caseNumber} ${c.name}`)
    : (cases.data?.items ?? []);
  const items = found.map(caseOption);
  if (value && initialLabel && !items.some((o) => o.value === value)) items.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={items}
      loading={cases.isFetching}
      placeholder={placeholder}
      aria-label={ariaLabel ?? placeholder}
      popupMatchSelectWidth={false}
    />
  );
}
