import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../../locales/i18n';
import { PageContainer } from '../../../app/PageContainer';
import { RecordPageStatus } from '../../../lib/records/RecordPageStatus';
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

  const loading = Boolean((id && campaign.isPending) || units.isPending);
  const error = (id && campaign.error) || units.error;
  if (loading || error) {
    const title = t(id ? 'campaigns.editTitle' : 'campaigns.createTitle');
    return (
      <RecordPageStatus
        kind="campaigns"
        loading={loading}
        error={error}
        onRetry={() => void (id ? campaign.refetch() : units.refetch())}
        title={title}
        loadingTitle={title}
        rows={12}
        backPrimary={false}
      />
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
  return (
    <PlanEditor
      campaign={id ? campaign.data : undefined}
      units={units.data ?? []}
      reload={async () => (await campaign.refetch()).data}
    />
  );
}
