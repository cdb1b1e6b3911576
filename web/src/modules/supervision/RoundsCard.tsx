import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useSupervisionRounds, type SupervisionRound } from './api';
import { RoundModal } from './RoundModal';

type Round = Omit<SupervisionRound, 'draws'>;

/** 督查轮次 of a plan, each opening its page (draws and visits). */
export function RoundsCard({ campaignId }: { campaignId: string }) {
  const t = useT();
  const rounds = useSupervisionRounds(campaignId);
  const [editing, setEditing] = useState<{ round: Round | null } | null>(null);
  const items = rounds.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('supervision.rounds')}
      extra={
        rounds.data?.canManage && (
          <Button onClick={() => setEditing({ round: null })}>{t('supervision.newRound')}</Button>
        )
      }
    >
      <Table<Round>
        rowKey="id"
        size="small"
        loading={rounds.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('supervision.noRounds') }}
        columns={[
          {
            key: 'n',
            title: t('supervision.roundNumber'),
            width: 80,
            render: (_v, r) => t('supervision.roundNumberLabel', { n: r.number }),
          },
          {
            key: 'title',
            title: t('supervision.roundTitle'),
            render: (_v, r) => <Link to={`/supervision/rounds/${r.id}`}>{r.title}</Link>,
          },
          {
            key: 'period',
            title: `${t('supervision.startDate')} – ${t('supervision.endDate')}`,
            width: 220,
            render: (_v, r) => t('supervision.period', { from: r.startDate, to: r.endDate }),
          },
          { key: 'focus', title: t('supervision.focus'), dataIndex: 'focus' },
          {
            key: 'actions',
            title: '',
            width: 70,
            render: (_v, r) =>
              r.can.edit && (
                <Typography.Link onClick={() => setEditing({ round: r })}>{t('supervision.edit')}</Typography.Link>
              ),
          },
        ]}
      />
      {editing && (
        <RoundModal
          campaignId={campaignId}
          round={editing.round}
          nextNumber={Math.max(0, ...items.map((r) => r.number)) + 1}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
