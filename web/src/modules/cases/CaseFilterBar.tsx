import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { CASE_STAGES } from './api';
import { changeFilter, FLAGS, hasFilters, type LedgerView } from './ledger';
import { CampaignSelect, CategorySelect, UnitTreeSelect } from '../../lib/records/pickers';

/**
 * The ledger's filters; every change goes into the address (the caller keeps the view there). The
 * unit picker shows the unit the list filters by (`listUnitId`: the header's one when the address has none).
 */
export function CaseFilterBar({
  view,
  listUnitId,
  onChange,
}: {
  view: LedgerView;
  listUnitId?: string;
  onChange: (view: LedgerView) => void;
}) {
  const t = useT();
  const set = (change: Partial<LedgerView>) => onChange(changeFilter(view, change));
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }} className="rs-case-filters">
      <Flex gap={12} wrap align="center">
        <CampaignSelect
          value={view.campaignId}
          onChange={(campaignId) => set({ campaignId })}
          placeholder={t('cases.campaign')}
          style={{ width: 280 }}
        />
        <CategorySelect
          campaignId={view.campaignId}
          value={view.categoryCode}
          onChange={(categoryCode) => set({ categoryCode })}
          placeholder={t('cases.category')}
          style={{ width: 180 }}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={view.stages}
          onChange={(stages) => set({ stages })}
          options={CASE_STAGES.map((s) => ({ value: s, label: t(`caseStage.${s}`) }))}
          placeholder={t('cases.stage')}
          aria-label={t('cases.stage')}
          style={{ width: 220 }}
        />
        <UnitTreeSelect
          value={listUnitId}
          allowClear={!!view.unitId}
          onChange={(unitId) => set({ unitId })}
          placeholder={t('cases.unitSubtree')}
          style={{ width: 220 }}
        />
      </Flex>
      <Flex gap={12} wrap align="center">
        <DatePicker.RangePicker
          value={[view.filedFrom ? dayjs(view.filedFrom) : null, view.filedTo ? dayjs(view.filedTo) : null]}
          onChange={(range) =>
            set({ filedFrom: range?.[0]?.format('YYYY-MM-DD'), filedTo: range?.[1]?.format('YYYY-MM-DD') })
          }
          allowEmpty={[true, true]}
          placeholder={[t('cases.filedFrom'), t('cases.filedTo')]}
          aria-label={t('cases.filingDate')}
        />
        <Checkbox.Group
          value={view.flags}
          onChange={(flags) => set({ flags: flags as LedgerView['flags'] })}
          options={FLAGS.map((f) => ({ value: f, label: t(`cases.flag.${f}`) }))}
        />
        <Input.Search
          key={view.q ?? ''}
          allowClear
          defaultValue={view.q}
          style={{ width: 300 }}
          maxLength={100}
          placeholder={t('cases.searchPlaceholder')}
          aria-label={t('cases.searchPlaceholder')}
          onSearch={(value) => set({ q: value.trim() || undefined })}
        />
        {hasFilters(view) && (
          <Button
            icon={<ClearOutlined />}
            onClick={() => onChange({ stages: [], flags: [], page: 1, pageSize: view.pageSize })}
          >
            {t('cases.clearFilters')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
