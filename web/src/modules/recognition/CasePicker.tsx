import { useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../locales/i18n';
import { useCases } from '../cases/api';

/** Cases of the campaign (and its 实施方案) found by name, number or party; one, or several (`multiple`). */
export function CasePicker(props: {
  campaignId: string;
  multiple?: boolean;
  known?: { id: string; label: string }[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const cases = useCases({ campaignId: props.campaignId, q: q || undefined, page: 1, pageSize: 20 });
  const options = (cases.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}${c.caseNumber ? `（${c.caseNumber}）` : ''}`,
  }));
  for (const k of props.known ?? [])
    if (!options.some((o) => o.value === k.id)) options.unshift({ value: k.id, label: k.label });
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={options}
      allowClear
      loading={cases.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('recognition.casePlaceholder')}
      aria-label={t('recognition.case')}
    />
  );
}
