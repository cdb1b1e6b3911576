import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PAGE_SIZES } from '../../lib/records/list-view';
import { useCurrentUser } from '../auth/session';
import { useSamples } from './api';
import { canRecordSamples } from './permissions';
import { SampleFormModal } from './SampleFormModal';
import { SampleTable, SampleTotals } from './SampleTable';

/** A campaign's 抽检 tab: the samples of the plan and its 实施方案 in the user's scope, with the totals and the rates. */
export function SamplesTab({ campaign }: { campaign: { id: string } }) {
  const t = useT();
  const user = useCurrentUser();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useSamples({ campaignId: campaign.id, ...paging });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('samples.tabIntro')}</Typography.Text>
        <Flex gap={8}>
          <Link to={`/samples/pass-rates?campaignId=${campaign.id}`}>
            <Button icon={<BarChartOutlined />}>{t('samples.passRates')}</Button>
          </Link>
          {canRecordSamples(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('samples.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      <SampleTotals totals={list.data?.totals} />
      <SampleTable
        items={list.data?.items}
        loading={list.isFetching}
        showCampaign={false}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
        }}
      />
      {creating && <SampleFormModal campaignId={campaign.id} onClose={() => setCreating(false)} />}
    </>
  );
}
