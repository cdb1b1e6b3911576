import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../app/PageContainer';
import { useT } from '../../locales/i18n';
import { useMyGroups, useSupervisionVisits, type MyGroup } from './api';
import { VisitModal } from './VisitModal';
import { VisitsTable } from './VisitsTable';
import { GroupRectifications } from '../rectifications/GroupRectifications';

/** One of my groups: its plan, people, area, visits, the 整改 still open, and 新建督查记录. */
function MyGroupCard({ group }: { group: MyGroup }) {
  const t = useT();
  const visits = useSupervisionVisits({ groupId: group.id, page: 1, pageSize: 50 });
  const [recording, setRecording] = useState(false);
  return (
    <Card
      size="small"
      title={`${group.name} · ${group.campaignName}`}
      extra={
        group.can.recordVisit && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('supervision.newVisit')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'org', label: t('supervision.organizer'), children: group.organizerUnitName },
          { key: 'leader', label: t('supervision.leader'), children: group.leaderName },
          {
            key: 'members',
            label: t('supervision.members'),
            children: group.members.map((m) => m.name).join('、') || '—',
          },
          { key: 'phone', label: t('supervision.phone'), children: group.phone ?? '—' },
          {
            key: 'area',
            label: t('supervision.area'),
            span: 2,
            children: group.area.map((u) => u.name).join('、') || '—',
          },
          {
            key: 'plan',
            label: t('supervision.campaign'),
            span: 2,
            children: <Link to={`/campaigns/${group.campaignId}?tab=supervision`}>{group.campaignName}</Link>,
          },
        ]}
      />
      <Typography.Title level={5}>{t('supervision.myVisits')}</Typography.Title>
      <VisitsTable items={visits.data?.items ?? []} loading={visits.isPending} />
      <GroupRectifications groupId={group.id} />
      {recording && <VisitModal group={group} visit={null} onClose={() => setRecording(false)} />}
    </Card>
  );
}

/** 督查工作 → 我的督查组: the groups the user leads or belongs to. */
export function MyGroupsPage() {
  const t = useT();
  const mine = useMyGroups();
  return (
    <PageContainer title={t('supervision.myGroups')}>
      <Typography.Paragraph type="secondary">{t('supervision.myGroupsHint')}</Typography.Paragraph>
      {mine.isPending ? (
        <Skeleton active />
      ) : mine.data?.items.length ? (
        <Flex vertical gap={12}>
          {mine.data.items.map((g) => (
            <MyGroupCard key={g.id} group={g} />
          ))}
        </Flex>
      ) : (
        <Card>
          <Empty description={t('supervision.noMyGroups')} />
        </Card>
      )}
      <Flex style={{ marginTop: 12 }}>
        <Link to="/supervision/visits">{t('supervision.visits')}</Link>
      </Flex>
    </PageContainer>
  );
}
