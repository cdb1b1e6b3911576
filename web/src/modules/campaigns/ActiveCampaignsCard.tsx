import { Button, Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useCampaigns } from './api';
import { dateRange } from './plan-text';

/** The dashboard's list of the campaigns under way that the user's unit issued or takes part in. */
export function ActiveCampaignsCard() {
  const t = useT();
  const navigate = useNavigate();
  const campaigns = useCampaigns({ status: 'active', page: 1, pageSize: 5 });
  const items = campaigns.data?.items ?? [];
  const more = (campaigns.data?.total ?? 0) > items.length;

  return (
    <Card
      title={t('home.activeCampaigns')}
      style={{ marginBottom: 16 }}
      extra={
        <Button type="link" onClick={() => navigate('/campaigns')}>
          {t('home.allCampaigns')} <RightOutlined />
        </Button>
      }
    >
      {campaigns.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noActiveCampaigns')} />
      ) : (
        <List
          className="rs-active-campaigns"
          dataSource={items}
          renderItem={(c) => (
            <List.Item extra={<Typography.Text type="secondary">{dateRange(c.startDate, c.endDate)}</Typography.Text>}>
              <List.Item.Meta
                title={
                  <span>
                    <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                    {c.parentCampaignId && (
                      <Tag color="purple" style={{ marginInlineStart: 8 }}>
                        {t('campaigns.implementationTag')}
                      </Tag>
                    )}
                  </span>
                }
                description={[c.docNumber, c.unitName].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
          footer={
            more ? <Link to="/campaigns">{t('common.total', { total: campaigns.data?.total ?? 0 })}</Link> : undefined
          }
        />
      )}
    </Card>
  );
}
