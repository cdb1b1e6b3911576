import { useState } from 'react';
import { Dropdown, Button, Flex, Table, Tag, Typography } from 'antd';
import { useShowError } from '../../lib/useShowError';
import { useDownload } from '../../lib/useDownload';
import { useT } from '../../locales/i18n';
import { downloadBulletin, useBulletinMutations, useCampaignBulletins, type BulletinListItem } from './api';
import { BulletinModal } from './BulletinModal';

/**
 * 督查通报 of a plan: the organiser's drafts and what it issued (with its 发文字号); the units below
 * read the issued ones. The office drafts one from a round's records, edits and issues it.
 */
export function BulletinsTab({ campaign }: { campaign: { id: string } }) {
  const t = useT();
  const showError = useShowError();
  const list = useCampaignBulletins(campaign.id);
  const { create } = useBulletinMutations(campaign.id);
  const { downloading, download } = useDownload();
  const [open, setOpen] = useState<string | null>(null);
  const rounds = list.data?.rounds ?? [];

  const draft = async (roundId: string) => {
    try {
      setOpen((await create.mutateAsync(roundId)).id);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('bulletins.listHint')}</Typography.Text>
        {rounds.length > 0 ? (
          <Dropdown
            menu={{
              items: rounds.map((r) => ({ key: r.id, label: r.title })),
              onClick: ({ key }) => void draft(key),
            }}
          >
            <Button type="primary" loading={create.isPending}>
              {t('bulletins.new')}
            </Button>
          </Dropdown>
        ) : null}
      </Flex>
      <Table<BulletinListItem>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('bulletins.empty') }}
        columns={[
          { key: 'docNumber', title: t('bulletins.docNumber'), width: 180, render: (_v, b) => b.docNumber ?? '—' },
          {
            key: 'title',
            title: t('bulletins.docTitle'),
            render: (_v, b) => <Typography.Link onClick={() => setOpen(b.id)}>{b.title}</Typography.Link>,
          },
          { key: 'organizer', title: t('bulletins.organizer'), render: (_v, b) => b.organizerName },
          { key: 'date', title: t('bulletins.date'), width: 110, dataIndex: 'date' },
          {
            key: 'status',
            title: t('bulletins.statusLabel'),
            width: 90,
            render: (_v, b) => (
              <Tag color={b.status === 'issued' ? 'green' : undefined}>{t(`bulletins.status.${b.status}`)}</Tag>
            ),
          },
          {
            key: 'actions',
            title: '',
            width: 150,
            render: (_v, b) => (
              <Flex gap={8}>
                <Typography.Link onClick={() => setOpen(b.id)}>{t('bulletins.open')}</Typography.Link>
                <Typography.Link
                  disabled={downloading === b.id}
                  onClick={() => void download(b.id, () => downloadBulletin(b))}
                >
                  {t('bulletins.download')}
                </Typography.Link>
              </Flex>
            ),
          },
        ]}
      />
      {open ? <BulletinModal campaignId={campaign.id} bulletinId={open} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}
