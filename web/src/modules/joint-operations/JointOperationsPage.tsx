import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Select } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { useCurrentUser } from '../auth/session';
import { JOINT_OPERATION_KINDS, useJointOperations } from './api';
import { JointOperationFormModal } from './JointOperationFormModal';
import { JointOperationTable } from './JointOperationTable';
import { JointOperationTotals } from './JointOperationTotals';
import { canRecordJointOperations } from './permissions';
import { hasJointOperationFilters, jointOperationsSearch, parseJointOperationsView, toListQuery } from './list-view';

/** 联合执法: the joint actions and 联席会议 of the user's unit and below, with their totals under the same filters. */
export function JointOperationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const {
    view,
    setView,
    change: set,
  } = useListView(parseJointOperationsView, jointOperationsSearch, {
    replace: true,
  });
  const unitId = useListUnit(view.unitId);
  const list = useJointOperations(toListQuery({ ...view, unitId }));
  const [creating, setCreating] = useState(false);

  return (
    <PageContainer
      title={t('jointOps.pageTitle')}
      extra={
        canRecordJointOperations(user) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('jointOps.create')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} className="rs-joint-filters">
          <CampaignSelect
            value={view.campaignId}
            onChange={(campaignId) => set({ campaignId })}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Select
            value={view.kind}
            onChange={(kind) => set({ kind })}
            allowClear
            placeholder={t('jointOps.kind')}
            aria-label={t('jointOps.kind')}
            options={JOINT_OPERATION_KINDS.map((k) => ({ value: k, label: t(`jointOps.kind.${k}`) }))}
            style={{ width: 160 }}
          />
          <UnitTreeSelect
            value={unitId}
            allowClear={!!view.unitId}
            onChange={(unitId) => set({ unitId })}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <DatePicker.RangePicker
            value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('jointOps.from'), t('jointOps.to')]}
            aria-label={t('jointOps.startDate')}
            style={{ maxWidth: '100%' }}
          />
          {hasJointOperationFilters(view) && (
            <Button icon={<ClearOutlined />} onClick={() => setView({ page: 1, pageSize: view.pageSize })}>
              {t('jointOps.clearFilters')}
            </Button>
          )}
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <JointOperationTotals totals={list.data?.totals} />
            <JointOperationTable
              items={list.data?.items}
              loading={list.isFetching}
              pagination={listPagination(view, setView, t, list.data)}
            />
          </>
        )}
      </Card>
      {creating && (
        <JointOperationFormModal
          campaignId={view.campaignId}
          onClose={() => setCreating(false)}
          onSaved={(op) => navigate(`/joint-operations/${op.id}`)}
        />
      )}
    </PageContainer>
  );
}
