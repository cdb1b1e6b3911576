import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { PAGE_SIZES } from '../../lib/records/list-view';
import { useCurrentUser } from '../auth/session';
import { useJointOperations } from './api';
import { JointOperationFormModal } from './JointOperationFormModal';
import { JointOperationTable } from './JointOperationTable';
import { JointOperationTotals } from './JointOperationTotals';
import { canRecordJointOperations } from './permissions';

/** A campaign's 联合执法 tab: the joint actions and 联席会议 of the plan and its 实施方案 in the user's scope, with totals. */
export function JointOperationsTab({ campaign }: { campaign: { id: string } }) {
  const t = useT();
  const user = useCurrentUser();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useJointOperations({ campaignId: campaign.id, ...paging });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('jointOps.tabIntro')}</Typography.Text>
        {canRecordJointOperations(user) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('jointOps.create')}
          </Button>
        )}
      </Flex>
      <JointOperationTotals totals={list.data?.totals} />
      <JointOperationTable
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
      {creating && <JointOperationFormModal campaignId={campaign.id} onClose={() => setCreating(false)} />}
    </>
  );
}
