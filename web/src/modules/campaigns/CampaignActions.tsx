import { useState } from 'react';
import { App, Button, Checkbox, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  CopyOutlined,
  DownloadOutlined,
  DownOutlined,
  EditOutlined,
  InboxOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { useCampaignMutations, type Campaign } from './api';
import { DeriveImplementationModal } from './DeriveImplementationModal';
import type { CampaignDocument } from './documents';
import { useCampaignDownload } from './useCampaignDownload';

/**
 * The campaign's header actions, each offered only when the server's `can` allows it: 编辑,
 * 发布 (a draft), 归档, 复制, 制定实施方案 (for a bureau below that takes part), and the downloads.
 */
export function CampaignActions({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const { copy, setStatus, invalidate } = useCampaignMutations();
  const { download, pending } = useCampaignDownload(campaign.id);
  const [deriving, setDeriving] = useState(false);
  const { can } = campaign;

  const onError = (e: unknown) => {
    showError(e);
    if (e instanceof ApiError && e.status === 409) void invalidate();
  };

  const changeStatus = (status: 'active' | 'archived') => {
    // A plan published after some of its reports fell due: the office chooses whether units owe
    // them (补报已过期次, unticked by default). The dialog's content is rendered once, so the
    // choice is kept here rather than in state.
    let owesPastPeriods = false;
    // 签发: the office's publication is a request a 局领导 of the issuing unit signs; the choice on
    // past periods goes with it and applies when he approves.
    const asks = status === 'active' && can.askIssue;
    const hint = t(
      status === 'active' ? (asks ? 'campaigns.askIssueHint' : 'campaigns.publishHint') : 'campaigns.archiveHint',
    );
    const askPast = status === 'active' && campaign.pastPeriods > 0;
    modal.confirm({
      title: t(status === 'active' ? 'campaigns.publishConfirm' : 'campaigns.archiveConfirm', { name: campaign.name }),
      content: askPast ? (
        <Space direction="vertical">
          <span>{hint}</span>
          <span>{t('campaigns.pastPeriods', { count: campaign.pastPeriods })}</span>
          <Checkbox onChange={(e) => (owesPastPeriods = e.target.checked)}>{t('campaigns.owePastPeriods')}</Checkbox>
        </Space>
      ) : (
        hint
      ),
      okText: t(status === 'active' ? (asks ? 'campaigns.askIssue' : 'campaigns.publish') : 'campaigns.archive'),
      okButtonProps: { danger: status === 'archived' },
      cancelText: t('common.cancel'),
      onOk: () =>
        setStatus
          .mutateAsync({
            id: campaign.id,
            version: campaign.version,
            status,
            ...(status === 'active' ? { owesPastPeriods } : {}),
          })
          .then(
            () =>
              void message.success(
                t(status === 'active' ? (asks ? 'campaigns.issueAsked' : 'campaigns.published') : 'campaigns.archived'),
              ),
          )
          .catch(onError),
    });
  };

  const copyPlan = () =>
    modal.confirm({
      title: t('campaigns.copyConfirm', { name: campaign.name }),
      content: t('campaigns.copyHint'),
      okText: t('campaigns.copy'),
      cancelText: t('common.cancel'),
      onOk: () =>
        copy
          .mutateAsync(campaign.id)
          .then((c) => {
            void message.success(t('campaigns.copied'));
            navigate(`/campaigns/${c.id}`);
          })
          .catch(onError),
    });

  const downloads: MenuProps['items'] = (
    [
      ['plan', 'campaigns.downloadPlan'],
      ['taskMatrix', 'campaigns.downloadTaskMatrix'],
      ['liaisons', 'campaigns.downloadLiaisons'],
    ] as const
  ).map(([key, label]) => ({ key, label: t(label), disabled: pending !== null }));

  const more: MenuProps['items'] = [
    ...(can.publish
      ? [
          {
            key: 'publish',
            icon: <SendOutlined />,
            label: t(can.askIssue ? 'campaigns.askIssue' : 'campaigns.publish'),
          },
        ]
      : []),
    ...(can.copy ? [{ key: 'copy', icon: <CopyOutlined />, label: t('campaigns.copy') }] : []),
    ...(can.changeStatus && campaign.status !== 'archived'
      ? [{ key: 'archive', icon: <InboxOutlined />, label: t('campaigns.archive'), danger: true }]
      : []),
  ];
  const onMore: MenuProps['onClick'] = ({ key }) => {
    if (key === 'publish') changeStatus('active');
    else if (key === 'archive') changeStatus('archived');
    else if (key === 'copy') copyPlan();
  };

  return (
    <>
      {can.edit && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/campaigns/${campaign.id}/edit`)}>
          {t('campaigns.edit')}
        </Button>
      )}
      {can.deriveFor.length > 0 && (
        <Button icon={<ApartmentOutlined />} onClick={() => setDeriving(true)}>
          {t('campaigns.derive')}
        </Button>
      )}
      <Dropdown
        menu={{ items: downloads, onClick: ({ key }) => void download(key as CampaignDocument) }}
        trigger={['click']}
      >
        <Button icon={<DownloadOutlined />} loading={pending !== null}>
          {t('campaigns.download')} <DownOutlined />
        </Button>
      </Dropdown>
      {more.length > 0 && (
        <Dropdown menu={{ items: more, onClick: onMore }} trigger={['click']}>
          <Button loading={copy.isPending || setStatus.isPending}>
            {t('campaigns.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {deriving && <DeriveImplementationModal campaign={campaign} onClose={() => setDeriving(false)} />}
    </>
  );
}
