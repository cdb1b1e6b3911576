import { Card, Flex, Select } from 'antd';
import { PageContainer } from '../../app/PageContainer';
import { listPagination, useListView } from '../../lib/records/list-view';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { useT } from '../../locales/i18n';
import { useSupervisionGroups, useSupervisionRounds, useSupervisionVisits, VISIT_METHODS } from './api';
import { parseVisitsView, visitsSearch } from './list-view';
import { VisitsTable } from './VisitsTable';

/** 督查记录: the visits the user may see, filtered by plan, round, group, unit and method (kept in the address). */
export function VisitsPage() {
  const t = useT();
  const { view, setView, change } = useListView(parseVisitsView, visitsSearch, { replace: true });
  const visits = useSupervisionVisits(view);
  const rounds = useSupervisionRounds(view.campaignId);
  const groups = useSupervisionGroups(view.campaignId);
  return (
    <PageContainer title={t('supervision.visits')}>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <CampaignSelect
            value={view.campaignId}
            onChange={(campaignId) => change({ campaignId, roundId: undefined, groupId: undefined })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('supervision.allRounds')}
            value={view.roundId}
            onChange={(roundId) => change({ roundId })}
            options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('supervision.allGroups')}
            value={view.groupId}
            onChange={(groupId) => change({ groupId })}
            options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
          <UnitTreeSelect value={view.unitId} onChange={(unitId) => change({ unitId })} style={{ width: 220 }} />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('supervision.allMethods')}
            value={view.method}
            onChange={(method) => change({ method })}
            options={VISIT_METHODS.map((m) => ({ value: m, label: t(`supervision.method.${m}`) }))}
          />
        </Flex>
        <VisitsTable
          items={visits.data?.items ?? []}
          loading={visits.isPending}
          pagination={listPagination(view, setView, t, visits.data)}
        />
      </Card>
    </PageContainer>
  );
}
