import { Card, Flex } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useSupervisionVisits } from './api';
import { GroupsCard } from './GroupsCard';
import { RoundsCard } from './RoundsCard';
import { VisitsTable } from './VisitsTable';

/** 督查 of a plan (a tab of the campaign page): its groups and areas, rounds, and the latest visits. */
export function SupervisionTab({ campaign }: { campaign: { id: string; name: string } }) {
  const t = useT();
  const visits = useSupervisionVisits({ campaignId: campaign.id, page: 1, pageSize: 10 });
  return (
    <Flex vertical gap={12}>
      <GroupsCard campaign={campaign} />
      <RoundsCard campaignId={campaign.id} />
      <Card
        size="small"
        title={t('supervision.visits')}
        extra={<Link to={`/supervision/visits?campaignId=${campaign.id}`}>{t('supervision.open')}</Link>}
      >
        <VisitsTable items={visits.data?.items ?? []} loading={visits.isPending} />
      </Card>
    </Flex>
  );
}
