import { Button, Card, Result, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../../locales/i18n';
import { ApiError } from '../../../lib/api';
import { PageContainer } from '../../../app/PageContainer';
import { LoadError } from '../../../app/StatusPages';
import { useUnits } from '../../units/api';
import { useCampaign } from '../api';
import { PlanEditor } from './PlanEditor';

/** /campaigns/new and /campaigns/:id/edit: loads the plan and the units, then the editor. */
export function CampaignEditorPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const units = useUnits(false);

  const loading = (id && campaign.isPending) || units.isPending;
  if (loading) {
    return (
      <PageContainer title={t(id ? 'campaigns.editTitle' : 'campaigns.createTitle')}>
        <Card>
          <Skeleton active paragraph={{ rows: 12 }} />
        </Card>
      </PageContainer>
    );
  }
  const error = (id && campaign.error) || units.error;
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <PageContainer title={t(id ? 'campaigns.editTitle' : 'campaigns.createTitle')}>
        {missing ? (
          <Result status="404" title="404" subTitle={t('campaigns.notFound')} extra={<Button onClick={() => navigate('/campaigns')}>{t('campaigns.backToList')}</Button>} />
        ) : (
          <LoadError error={error} onRetry={() => void (id ? campaign.refetch() : units.refetch())} />
        )}
      </PageContainer>
    );
  }
  if (id && campaign.data && !campaign.data.can.edit) {
    return (
      <PageContainer title={t('campaigns.editTitle')}>
        <Result
          status="403"
          title="403"
          subTitle={t(campaign.data.status === 'archived' ? 'campaigns.archivedNoEdit' : 'campaigns.noEdit')}
          extra={<Button onClick={() => navigate(`/campaigns/${id}`)}>{t('campaigns.backToCampaign')}</Button>}
        />
      </PageContainer>
    );
  }
  return <PlanEditor campaign={id ? campaign.data : undefined} units={units.data ?? []} reload={async () => (await campaign.refetch()).data} />;
}
