import { useState } from 'react';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { Campaign } from '../campaigns/api';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { downloadStoredBriefing, useCampaignBriefings, type BriefingListItem } from './api';
import { BriefingModal } from './BriefingModal';

/**
 * 简报: the campaign's stored briefings and summaries — the office's drafts and what it issued (第N期);
 * the units below that take part see the issued ones. Open one to read, edit or issue it.
 */
export function BriefingsTab({ campaign }: { campaign: Pick<Campaign, 'id'> }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useCampaignBriefings(campaign.id);
  /** The open briefing: a stored one by id, or a new one from the figures. */
  const [open, setOpen] = useState<{ id: string | null } | null>(null);

  const download = async (b: BriefingListItem) => {
    try {
      void message.success(t('briefings.generated', { name: await downloadStoredBriefing(b) }));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('briefings.listHint')}</Typography.Text>
        {list.data?.canCreate ? (
          <Button type="primary" onClick={() => setOpen({ id: null })}>
            {t('briefings.new')}
          </Button>
        ) : null}
      </Flex>
      <Table<BriefingListItem>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('briefings.empty') }}
        columns={[
          { key: 'issue', title: t('briefings.issue'), width: 90, render: (_v, b) => b.issueLabel ?? '—' },
          {
            key: 'title',
            title: t('briefings.docTitle'),
            render: (_v, b) => <Typography.Link onClick={() => setOpen({ id: b.id })}>{b.title}</Typography.Link>,
          },
          {
            key: 'kind',
            title: t('briefings.kindLabel'),
            width: 100,
            render: (_v, b) => t(`briefings.kind.${b.kind}`),
          },
          { key: 'unit', title: t('briefings.issuingUnit'), render: (_v, b) => b.issuingUnitName },
          { key: 'date', title: t('briefings.date'), width: 110, dataIndex: 'date' },
          {
            key: 'status',
            title: t('briefings.statusLabel'),
            width: 90,
            render: (_v, b) =>
              b.status === 'issued' ? (
                <Tag color="green">{t('briefings.status.issued')}</Tag>
              ) : (
                <Tag>{t('briefings.status.draft')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: '',
            width: 150,
            render: (_v, b) => (
              <Flex gap={8}>
                <Typography.Link onClick={() => setOpen({ id: b.id })}>{t('briefings.open')}</Typography.Link>
                <Typography.Link onClick={() => void download(b)}>{t('briefings.download')}</Typography.Link>
              </Flex>
            ),
          },
        ]}
      />
      {open ? <BriefingModal campaignId={campaign.id} briefingId={open.id} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}
