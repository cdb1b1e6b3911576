import { useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../locales/i18n';
import { useCases } from '../cases/api';

/** A case of the campaign handled by the unit (or below it), found by name, number or party; the known one shown by its label. */
export function CaseSelect(props: {
  campaignId: string;
  unitId?: string;
  known?: { id: string; label: string } | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const cases = useCases(
    { campaignId: props.campaignId, unitId: props.unitId, q: q || undefined, page: 1, pageSize: 20 },
    Boolean(props.unitId),
  );
  const options = (cases.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}${c.caseNumber ? `（${c.caseNumber}）` : ''}`,
  }));
  if (props.known && !options.some((o) => o.value === props.known!.id))
    options.unshift({ value: props.known.id, label: props.known.label });
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={options}
      allowClear
      disabled={!props.unitId}
      loading={cases.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('majorEvents.casePlaceholder')}
      aria-label={t('majorEvents.case')}
    />
  );
}
