import { useState } from 'react';
import { App, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { downloadAreaSheet, useSupervisionGroups, type SupervisionGroup } from './api';
import { AreaModal } from './AreaModal';
import { GroupModal } from './GroupModal';

/** 督查组与片区 of a plan: the 分片督查表 on screen, its download, and the office's forms. */
export function GroupsCard({ campaign }: { campaign: { id: string; name: string } }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const groups = useSupervisionGroups(campaign.id);
  const [editing, setEditing] = useState<{ group: SupervisionGroup | null } | null>(null);
  const [area, setArea] = useState<SupervisionGroup | null>(null);
  const download = async () => {
    try {
      void message.success(t('supervision.downloaded', { name: await downloadAreaSheet(campaign) }));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card
      size="small"
      className="rs-supervision-groups"
      title={t('supervision.groups')}
      extra={
        <Space>
          <Button onClick={() => void download()} disabled={!groups.data?.items.length}>
            {t('supervision.downloadSheet')}
          </Button>
          {groups.data?.canManage && (
            <Button type="primary" onClick={() => setEditing({ group: null })}>
              {t('supervision.newGroup')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('supervision.groupsHint')}</Typography.Paragraph>
      <Table<SupervisionGroup>
        rowKey="id"
        size="small"
        loading={groups.isPending}
        dataSource={groups.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('supervision.noGroups') }}
        columns={[
          { key: 'name', title: t('supervision.group'), dataIndex: 'name', width: 120 },
          { key: 'leader', title: t('supervision.leader'), dataIndex: 'leaderName', width: 90 },
          {
            key: 'members',
            title: t('supervision.members'),
            render: (_v, g) => g.members.map((m) => m.name).join('、'),
          },
          { key: 'phone', title: t('supervision.phone'), dataIndex: 'phone', width: 130 },
          { key: 'area', title: t('supervision.area'), render: (_v, g) => g.area.map((u) => u.name).join('、') },
          {
            key: 'actions',
            title: '',
            width: 140,
            render: (_v, g) => (
              <Flex gap={8}>
                {g.can.edit && (
                  <Typography.Link onClick={() => setEditing({ group: g })}>{t('supervision.edit')}</Typography.Link>
                )}
                {g.can.editArea && (
                  <Typography.Link onClick={() => setArea(g)}>{t('supervision.editArea')}</Typography.Link>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {editing && groups.data && (
        <GroupModal
          campaignId={campaign.id}
          group={editing.group}
          answer={groups.data}
          onClose={() => setEditing(null)}
        />
      )}
      {area && <AreaModal group={area} onClose={() => setArea(null)} />}
    </Card>
  );
}
