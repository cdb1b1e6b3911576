import { useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../locales/i18n';
import { narrowCached } from '../../lib/offline/form-draft';
import { useEntityOptions } from './api';

/**
 * An entity of the register under the unit, searched by name (被抽样单位 unless labelled otherwise).
 * Without a network it offers what was last read for the unit (the service worker keeps it).
 */
export function EntitySelect({
  unitId,
  value,
  onChange,
  id,
  initialLabel,
  placeholder,
  ariaLabel,
  allowClear,
}: {
  unitId?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
  /** The stored entity's name, shown before the first search. */
  initialLabel?: string | null;
  placeholder?: string;
  ariaLabel?: string;
  allowClear?: boolean;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const options = useEntityOptions(unitId, q);
  // Until the search is answered (offline it waits), the last answer narrowed to what was typed.
  const found = options.isPlaceholderData
    ? narrowCached(options.data ?? [], q, (e) => `${e.name} ${e.creditCode}`)
    : (options.data ?? []);
  const items = found.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
  if (value && initialLabel && !items.some((o) => o.value === value)) items.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch
      value={value ?? undefined}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      options={items}
      loading={options.isFetching}
      disabled={!unitId}
      allowClear={allowClear}
      placeholder={placeholder ?? t('samples.entityPlaceholder')}
      aria-label={ariaLabel ?? t('samples.entity')}
    />
  );
}
