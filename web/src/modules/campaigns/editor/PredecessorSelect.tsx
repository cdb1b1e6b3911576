import { Form, Select } from 'antd';
import { useParams } from 'react-router-dom';
import { useT } from '../../../locales/i18n';
import { useCampaigns } from '../api';

/**
 * 上一年度行动 (去年同类行动): an earlier plan of the same issuing unit, started before this one
 * (the server checks it again and names the field when not).
 */
export function PredecessorSelect({
  value,
  onChange,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const t = useT();
  const { id: selfId } = useParams();
  const form = Form.useFormInstance();
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const startDate = Form.useWatch('startDate', form) as string | undefined;
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const options = (campaigns.data?.items ?? [])
    .filter(
      (c) =>
        c.id === value ||
        (c.id !== selfId && c.unitId === unitId && (!startDate || c.startDate < startDate) && c.status !== 'draft'),
    )
    .map((c) => ({ value: c.id, label: `${c.name}（${c.startDate.slice(0, 4)}）` }));
  return (
    <Select
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      loading={campaigns.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('campaigns.predecessorPlaceholder')}
      aria-label={t('campaigns.predecessor')}
    />
  );
}
