import { Card, Descriptions, Flex } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useT } from '../../locales/i18n';
import { useSupervisionGroups, useSupervisionRound, useSupervisionVisits } from './api';
import { DrawsCard } from './DrawsCard';
import { VisitsTable } from './VisitsTable';

/** One 督查轮次: its dates and focus, its 随机专项督查 draws (复核), and its visits. */
export function RoundPage() {
  const t = useT();
  const { id = '' } = useParams();
  const round = useSupervisionRound(id);
  const groups = useSupervisionGroups(round.data?.campaignId);
  const visits = useSupervisionVisits({ roundId: id, page: 1, pageSize: 100 });
  if (!round.data) return <RecordPageStatus kind="supervisionRounds" {...queryStatus(round)} />;
  const r = round.data;
  return (
    <PageContainer title={r.title} crumbs={[{ key: 'round', title: r.title }]}>
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'org', label: t('supervision.organizer'), children: r.organizerUnitName },
              {
                key: 'period',
                label: `${t('supervision.startDate')} – ${t('supervision.endDate')}`,
                children: t('supervision.period', { from: r.startDate, to: r.endDate }),
              },
              { key: 'focus', label: t('supervision.focus'), children: r.focus ?? '—', span: 2 },
              {
                key: 'campaign',
                label: t('supervision.campaign'),
                children: <Link to={`/campaigns/${r.campaignId}?tab=supervision`}>{t('supervision.tab')}</Link>,
              },
            ]}
          />
        </Card>
        <DrawsCard roundId={r.id} draws={r.draws} groups={groups.data?.items ?? []} />
        <Card size="small" title={t('supervision.visits')}>
          <VisitsTable items={visits.data?.items ?? []} loading={visits.isPending} />
        </Card>
      </Flex>
    </PageContainer>
  );
}
