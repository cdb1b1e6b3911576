import { useMemo } from 'react';
import { Select, TreeSelect } from 'antd';
import { useT } from '../../locales/i18n';
import { useCampaign, useCampaigns } from '../../modules/campaigns/api';
import { useUnits } from '../../modules/units/api';
import { buildUnitTree, subtreeIds, toTreeOptions, type Unit } from '../../modules/units/tree';

/*
 * The pickers every record module shares (cases, leads, inspections, random checks, reports):
 * campaign, its violation categories, and units. Their labels are the records.* strings of
 * lib/records/messages.*.ts. Each takes value/onChange (so it works inside a Form.Item and in a
 * filter bar).
 */

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  disabled?: boolean;
}

/**
 * The campaigns the user sees (issued by the unit or taken part in), newest first as the API lists
 * them, the archived ones (last year's, still there to filter by) after the live ones.
 */
export function CampaignSelect({ value, onChange, id, placeholder, style, allowClear = true, disabled }: PickerProps) {
  const t = useT();
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const options = (campaigns.data?.items ?? [])
    .filter((c) => c.status !== 'draft' || c.id === value)
    .sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived'))
    .map((c) => ({ value: c.id, label: c.docNumber ? `${c.name}（${c.docNumber}）` : c.name }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={campaigns.isFetching}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('records.campaign')}
      style={style}
      popupMatchSelectWidth={false}
      aria-label={placeholder ?? t('records.campaign')}
    />
  );
}

/** The violation categories (违法类型) of a campaign; disabled until a campaign is chosen. */
export function CategorySelect({
  campaignId,
  value,
  onChange,
  id,
  placeholder,
  style,
  allowClear = true,
}: PickerProps & { campaignId?: string | null }) {
  const t = useT();
  const campaign = useCampaign(campaignId ?? undefined);
  const options = (campaign.data?.categories ?? []).map((c) => ({ value: c.code, label: c.label }));
  return (
    <Select
      id={id}
      value={campaignId ? (value ?? undefined) : undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={campaign.isFetching}
      disabled={!campaignId}
      allowClear={allowClear}
      placeholder={campaignId ? (placeholder ?? t('records.category')) : t('records.pickCampaignFirst')}
      style={style}
      popupMatchSelectWidth={false}
      aria-label={placeholder ?? t('records.category')}
    />
  );
}

/** The label of a campaign's category (a lead carries only the code). */
export function useCategoryLabel(campaignId: string | undefined, code: string | undefined) {
  const campaign = useCampaign(campaignId);
  return {
    campaign: campaign.data,
    label: campaign.data?.categories.find((c) => c.code === code)?.label ?? code,
  };
}

/**
 * A unit of the user's scope, as a tree. With `campaignId`, only the units that may handle the
 * campaign's records: those below its issuing unit, and those taking part.
 */
export function UnitTreeSelect({
  value,
  onChange,
  id,
  placeholder,
  style,
  allowClear = true,
  campaignId,
  disabled,
}: PickerProps & { campaignId?: string | null }) {
  const t = useT();
  const units = useUnits(false);
  const campaign = useCampaign(campaignId ?? undefined);
  const treeData = useMemo(() => {
    const all: Unit[] = units.data ?? [];
    const c = campaign.data;
    const allowed = c ? new Set([...subtreeIds(all, c.unitId), ...c.participantUnitIds]) : null;
    return toTreeOptions(buildUnitTree(all), (u) => Boolean(allowed && !allowed.has(u.id)));
  }, [units.data, campaign.data]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear={allowClear}
      disabled={disabled}
      loading={units.isFetching}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('records.unit')}
      style={style}
      popupMatchSelectWidth={false}
      aria-label={placeholder ?? t('records.unit')}
    />
  );
}

/**
 * 重点任务: a task of the chosen campaign the record serves (序号 and title); disabled until a
 * campaign is chosen. Left empty on a new record, the server picks the task of its category and unit.
 */
export function TaskSelect({
  campaignId,
  value,
  onChange,
  id,
  placeholder,
  style,
  allowClear = true,
  disabled,
}: Omit<PickerProps, 'onChange'> & { campaignId?: string | null; onChange?: (value: string | null) => void }) {
  const t = useT();
  const campaign = useCampaign(campaignId ?? undefined);
  const options = [...(campaign.data?.tasks ?? [])]
    .sort((a, b) => a.seq - b.seq)
    .map((task) => ({ value: task.id, label: `${task.seq + 1}. ${task.title}` }));
  return (
    <Select
      id={id}
      value={campaignId ? (value ?? undefined) : undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={campaign.isFetching}
      disabled={disabled || !campaignId}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={campaignId ? (placeholder ?? t('records.taskDefault')) : t('records.pickCampaignFirst')}
      style={style}
      popupMatchSelectWidth={false}
      aria-label={placeholder ?? t('records.task')}
    />
  );
}
