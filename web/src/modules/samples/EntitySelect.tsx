import { useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../locales/i18n';
import { useEntityOptions } from './api';

/** 被抽样单位: an entity of the register under the sampling unit, searched by name. */
export function EntitySelect({
  unitId,
  value,
  onChange,
  id,
  initialLabel,
}: {
  unitId?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
  /** The stored entity's name, shown before the first search. */
  initialLabel?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const options = useEntityOptions(unitId, q);
  const items = (options.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
  if (value && initialLabel && !items.some((o) => o.value === value)) items.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      options={items}
      loading={options.isFetching}
      disabled={!unitId}
      placeholder={t('samples.entityPlaceholder')}
      aria-label={t('samples.entity')}
    />
  );
}
