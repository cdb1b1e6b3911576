import { StatsTab } from '../reports/StatsTab';
import { BoardTab } from '../reports/BoardTab';
import { MajorEventsTab, MajorEventsTabLabel } from '../major-events/MajorEventsTab';
import { RecognitionTab } from '../recognition/RecognitionTab';
import { BriefingsTab } from '../briefings/BriefingsTab';
import { BulletinsTab } from '../supervision-bulletins/BulletinsTab';
import { SupervisionTab } from '../supervision/SupervisionTab';
import { ScorecardsTab } from '../scorecards/ScorecardsTab';
import { WorkPlansTab } from '../work-plans/WorkPlansTab';
import { CarryForwardButton } from './CarryForwardModal';
import { TaskProgressTab } from '../task-progress/TaskProgressTab';
import { KpisTab } from '../kpis/KpisTab';
import { JointOperationsTab } from '../joint-operations/JointOperationsTab';
import { SamplesTab } from '../samples/SamplesTab';
import { Alert, Card, Flex, Space, Tabs, Tag } from 'antd';
import { PendingApprovals } from '../approvals/PendingApprovals';
import { formatDateTime } from '../../lib/format';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useCampaign } from './api';
import { CampaignActions } from './CampaignActions';
import { CampaignStatusTag } from './CampaignStatusTag';
import { LeadershipTab } from './LeadershipTab';
import { LiaisonsTab } from './liaisons/LiaisonsTab';
import { OverviewTab } from './overview/OverviewTab';
import { ScheduleTab } from './ScheduleTab';
import { TaskMatrixTab } from './TaskMatrixTab';

const TABS = [
  'overview',
  'tasks',
  'task-progress',
  'leadership',
  'liaisons',
  'schedule',
  'stats',
  'board',
  'majorEvents',
  'briefings',
  'joint-operations',
  'samples',
  'supervision',
  'bulletins',
  'kpis',
  'scorecards',
  'recognition',
  'work-plans',
] as const;
type TabKey = (typeof TABS)[number];

/** One campaign: its plan in five tabs (the tab is in the address, so it can be linked) and its actions. */
export function CampaignPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const campaign = useCampaign(id);
  const tab: TabKey = TABS.find((k) => k === search.get('tab')) ?? 'overview';

  if (!campaign.data) return <RecordPageStatus kind="campaigns" {...queryStatus(campaign)} />;

  const c = campaign.data;
  const items = [
    { key: 'overview', label: t('campaigns.tabOverview'), children: <OverviewTab campaign={c} /> },
    { key: 'tasks', label: t('campaigns.tabTasks'), children: <TaskMatrixTab campaign={c} /> },
    { key: 'task-progress', label: t('taskProgress.tab'), children: <TaskProgressTab campaign={c} /> },
    { key: 'leadership', label: t('campaigns.tabLeadership'), children: <LeadershipTab campaign={c} /> },
    { key: 'liaisons', label: t('campaigns.tabLiaisons'), children: <LiaisonsTab campaign={c} /> },
    { key: 'schedule', label: t('campaigns.tabSchedule'), children: <ScheduleTab campaign={c} /> },
    { key: 'stats', label: t('reports.tabStats'), children: <StatsTab campaign={c} /> },
    { key: 'board', label: t('reports.tabBoard'), children: <BoardTab campaign={c} /> },
    { key: 'majorEvents', label: <MajorEventsTabLabel campaignId={c.id} />, children: <MajorEventsTab campaign={c} /> },
    { key: 'briefings', label: t('briefings.tab'), children: <BriefingsTab campaign={c} /> },
    { key: 'joint-operations', label: t('jointOps.tab'), children: <JointOperationsTab campaign={c} /> },
    { key: 'samples', label: t('samples.tab'), children: <SamplesTab campaign={c} /> },
    { key: 'supervision', label: t('supervision.tab'), children: <SupervisionTab campaign={c} /> },
    { key: 'bulletins', label: t('bulletins.tab'), children: <BulletinsTab campaign={c} /> },
    { key: 'kpis', label: t('kpis.tab'), children: <KpisTab campaign={c} /> },
    { key: 'scorecards', label: t('scorecards.tab'), children: <ScorecardsTab campaign={c} /> },
    { key: 'recognition', label: t('recognition.tab'), children: <RecognitionTab campaign={c} /> },
    { key: 'work-plans', label: t('workPlans.tab'), children: <WorkPlansTab campaign={c} /> },
  ];

  const issuing = c.approvals.find((a) => a.kind === 'campaign_issue' && a.status === 'pending');

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{c.name}</span>
          <CampaignStatusTag status={c.status} ended={c.ended} />
          {issuing && <Tag color="gold">{t('campaigns.issuePending')}</Tag>}
        </Space>
      }
      crumbs={[{ key: 'campaign', title: c.docNumber ?? c.name }]}
      extra={<CampaignActions campaign={c} />}
    >
      <Flex vertical gap={12} style={{ marginBottom: 12 }}>
        {c.parent && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                {t('campaigns.implementsParent')} <Link to={`/campaigns/${c.parent.id}`}>{c.parent.name}</Link>
              </span>
            }
          />
        )}
        {c.predecessor && (
          <Alert
            type="info"
            showIcon
            title={
              <Space wrap>
                <span>
                  {t('campaigns.predecessorIs')}
                  <Link to={`/campaigns/${c.predecessor.id}`}>{c.predecessor.name}</Link>
                </span>
                <CarryForwardButton campaignId={c.id} />
              </Space>
            }
          />
        )}
        {c.status === 'draft' && !issuing && <Alert type="warning" showIcon title={t('campaigns.draftHint')} />}
        {/* 待签发: who was asked; the leader decides here (PendingApprovals) or in 待我审批. */}
        {issuing && (
          <Alert
            type="warning"
            showIcon
            title={t('campaigns.issuePendingBy', {
              unit: issuing.unitName,
              requester: issuing.requestedByName,
              at: formatDateTime(issuing.requestedAt),
            })}
          />
        )}
        <PendingApprovals requests={c.approvals} />
        {c.status === 'archived' && <Alert type="info" showIcon title={t('campaigns.archivedHint')} />}
      </Flex>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          items={items}
          destroyOnHidden
          onChange={(key) =>
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === 'overview') next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
        />
      </Card>
    </PageContainer>
  );
}
