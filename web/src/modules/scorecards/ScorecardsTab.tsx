import { useRef, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Input, List, Modal, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useDownload } from '../../lib/useDownload';
import { useShowError } from '../../lib/useShowError';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../locales/i18n';
import {
  downloadPublication,
  downloadScorecard,
  usePublication,
  usePublications,
  useSchemes,
  useScorecard,
  useScorecardMutations,
  type Indicator,
  type Period,
  type ScoreRow,
} from './api';
import { RecordsDrawer } from './RecordsDrawer';
import { SchemeModal } from './SchemeModal';
import { ScoreTable } from './ScoreTable';

type Drill = { unitId: string; kind: string; target: { schemeId: string; period: Period } | { publicationId: string } };

/**
 * 考核评分 of a plan (a tab of the campaign page): its schemes, the live ranking of the units it
 * judges for a period (every value and score opens its records), publication (freezing scheme and
 * results), the published results, and the .xlsx of either.
 */
export function ScorecardsTab({ campaign }: { campaign: { id: string; name: string } }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const { downloading, download } = useDownload();
  const schemes = useSchemes(campaign.id);
  const [chosen, setChosen] = useState<string>();
  const [period, setPeriod] = useState<Period>({});
  const [editing, setEditing] = useState<'new' | 'edit'>();
  const [drill, setDrill] = useState<Drill>();
  const [publicationId, setPublicationId] = useState<string>();
  // The confirmation's note: read when it is confirmed, after the dialog was opened.
  const note = useRef('');
  const scheme = schemes.data?.items.find((s) => s.id === chosen) ?? schemes.data?.items[0];
  const card = useScorecard(scheme?.id, period);
  const publications = usePublications(scheme?.id);
  const publication = usePublication(publicationId);
  const { publish } = useScorecardMutations(campaign.id);
  const manage = !!schemes.data?.can.manage;

  const confirmPublish = () => {
    if (!scheme || !card.data) return;
    note.current = '';
    modal.confirm({
      title: t('scorecards.publishConfirm'),
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('scorecards.publishHint', { from: card.data.from, to: card.data.to, revision: scheme.revision })}
          </Typography.Text>
          <Input.TextArea
            maxLength={500}
            placeholder={t('scorecards.note')}
            onChange={(e) => (note.current = e.target.value)}
          />
        </Flex>
      ),
      okText: t('scorecards.publish'),
      onOk: async () => {
        try {
          await publish.mutateAsync({
            id: scheme.id,
            from: card.data!.from,
            to: card.data!.to,
            note: note.current || null,
            version: scheme.version,
          });
          void message.success(t('scorecards.published'));
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  const drillLive = (row: ScoreRow, ind: Indicator) =>
    setDrill({ unitId: row.unitId, kind: ind.kind, target: { schemeId: scheme!.id, period } });

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('scorecards.title')}
        extra={
          <Space wrap>
            {schemes.data && schemes.data.items.length > 1 ? (
              <Select
                style={{ width: 240 }}
                value={scheme?.id}
                onChange={setChosen}
                options={schemes.data.items.map((s) => ({ value: s.id, label: s.name }))}
              />
            ) : null}
            <DatePicker.RangePicker
              allowClear
              value={period.from && period.to ? [dayjs(period.from), dayjs(period.to)] : null}
              onChange={(v) =>
                setPeriod(v?.[0] && v[1] ? { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : {})
              }
            />
            {scheme ? (
              <Button
                loading={downloading === 'live'}
                onClick={() => void download('live', () => downloadScorecard(scheme, period))}
              >
                {t('scorecards.export')}
              </Button>
            ) : null}
            {manage && scheme ? <Button onClick={() => setEditing('edit')}>{t('scorecards.editScheme')}</Button> : null}
            {manage ? <Button onClick={() => setEditing('new')}>{t('scorecards.newScheme')}</Button> : null}
            {manage && scheme ? (
              <Button type="primary" disabled={!card.data} loading={publish.isPending} onClick={confirmPublish}>
                {t('scorecards.publish')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {schemes.data && !scheme ? (
          <Empty description={t('scorecards.noScheme')} />
        ) : (
          <>
            {card.data ? (
              <Typography.Paragraph type="secondary">
                {t('scorecards.liveHint', {
                  name: card.data.scheme.name,
                  from: card.data.from,
                  to: card.data.to,
                  total: card.data.scheme.totalWeight,
                  revision: card.data.scheme.revision,
                })}
              </Typography.Paragraph>
            ) : null}
            <ScoreTable
              indicators={card.data?.scheme.indicators ?? []}
              rows={card.data?.rows ?? []}
              comparison={!!card.data?.comparison}
              loading={card.isPending && !!scheme}
              onDrill={drillLive}
            />
          </>
        )}
      </Card>
      {scheme ? (
        <Card size="small" title={t('scorecards.publications')}>
          <List
            loading={publications.isPending}
            dataSource={publications.data?.items ?? []}
            locale={{ emptyText: t('scorecards.noPublications') }}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" onClick={() => setPublicationId(p.id)}>
                    {t('scorecards.open')}
                  </Button>,
                  <Button
                    key="xlsx"
                    type="link"
                    loading={downloading === p.id}
                    onClick={() => void download(p.id, () => downloadPublication(p))}
                  >
                    {t('scorecards.export')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={t('scorecards.publicationTitle', { from: p.from, to: p.to, revision: p.revision })}
                  description={[formatDateTime(p.publishedAt), p.note].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {editing && schemes.data ? (
        <SchemeModal
          campaignId={campaign.id}
          kinds={schemes.data.kinds}
          scheme={editing === 'edit' ? scheme : undefined}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) setChosen(saved);
          }}
        />
      ) : null}
      {publicationId ? (
        <Modal
          open
          width={1200}
          footer={null}
          onCancel={() => setPublicationId(undefined)}
          title={
            publication.data
              ? t('scorecards.publicationHead', {
                  name: publication.data.name,
                  from: publication.data.from,
                  to: publication.data.to,
                  revision: publication.data.revision,
                })
              : t('scorecards.publications')
          }
        >
          <ScoreTable
            indicators={publication.data?.indicators ?? []}
            rows={publication.data?.rows ?? []}
            comparison={!!publication.data?.comparison}
            loading={publication.isPending}
            onDrill={(row, ind) => setDrill({ unitId: row.unitId, kind: ind.kind, target: { publicationId } })}
          />
        </Modal>
      ) : null}
      {drill ? (
        <RecordsDrawer
          target={drill.target}
          unitId={drill.unitId}
          kind={drill.kind}
          onClose={() => setDrill(undefined)}
        />
      ) : null}
    </Flex>
  );
}
