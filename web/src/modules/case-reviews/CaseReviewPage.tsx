import { App, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../app/PageContainer';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useDownload } from '../../lib/useDownload';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { downloadScores, useCaseReviewMutations, useExercise, verifyDraw, type ReviewFile } from './api';
import { ScoreModal } from './ScoreModal';

/**
 * One 案卷评查: the sheet and the draw (抽取, 复核), the files the user may see with their reviewers
 * (交叉检查: the organiser's office assigns) and scores, the units' ranking and the items lost most,
 * and the 评查结果汇总表. `?file=` opens a file's scoring form.
 */
export function CaseReviewPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { message } = App.useApp();
  const showError = useShowError();
  const exercise = useExercise(id);
  const { draw, assign } = useCaseReviewMutations();
  const { downloading, download } = useDownload();
  if (!exercise.data) return <RecordPageStatus kind="campaigns" {...queryStatus(exercise)} />;
  const e = exercise.data;
  const openFile = e.files.find((f) => f.id === search.get('file'));

  const runDraw = async () => {
    try {
      await draw.mutateAsync({ id: e.id, version: e.version });
      void message.success(t('caseReviews.drawn'));
    } catch (err) {
      showError(err);
    }
  };
  const verify = async () => {
    try {
      const r = await verifyDraw(e.id);
      if (r.matches) void message.success(t('caseReviews.verified'));
      else void message.error(t('caseReviews.verifyFailed'));
    } catch (err) {
      showError(err);
    }
  };
  const setReviewer = async (f: ReviewFile, reviewerId: string) => {
    try {
      await assign.mutateAsync({ id: f.id, reviewerId, version: f.version });
    } catch (err) {
      showError(err);
    }
  };

  return (
    <PageContainer
      title={e.title}
      crumbs={[{ key: 'exercise', title: e.title }]}
      extra={
        <Flex gap={8}>
          {e.can.draw ? (
            <Button type="primary" loading={draw.isPending} onClick={() => void runDraw()}>
              {t('caseReviews.draw')}
            </Button>
          ) : null}
          {e.draw ? <Button onClick={() => void verify()}>{t('caseReviews.verify')}</Button> : null}
          <Button loading={downloading === e.id} onClick={() => void download(e.id, () => downloadScores(e))}>
            {t('caseReviews.xlsx')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('caseReviews.organizer')}>{e.organizerName}</Descriptions.Item>
            <Descriptions.Item label={t('caseReviews.dates')}>{`${e.startDate} ～ ${e.endDate}`}</Descriptions.Item>
            <Descriptions.Item label={t('caseReviews.filesPerUnit')}>{e.filesPerUnit}</Descriptions.Item>
            <Descriptions.Item label={t('caseReviews.sheet')}>
              {t('caseReviews.sheetLabel', {
                name: e.sheet.name,
                revision: e.sheet.revision,
                total: e.sheet.totalPoints,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('caseReviews.drawInfo')} span={2}>
              {e.draw
                ? t('caseReviews.drawLabel', { candidates: e.draw.candidates, seed: e.draw.seed })
                : t('caseReviews.notDrawn')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('caseReviews.files')}>
          <Table<ReviewFile>
            rowKey="id"
            size="small"
            dataSource={e.files}
            pagination={false}
            locale={{ emptyText: t('caseReviews.noFiles') }}
            columns={[
              { key: 'seq', title: '#', dataIndex: 'seq', width: 50 },
              { key: 'unit', title: t('caseReviews.unit'), dataIndex: 'unitName' },
              { key: 'case', title: t('caseReviews.case'), render: (_v, f) => `${f.caseName}（${f.caseNumber}）` },
              {
                key: 'reviewer',
                title: t('caseReviews.reviewer'),
                width: 200,
                render: (_v, f) =>
                  f.can.assign ? (
                    <PersonSelect
                      role="handler"
                      unitId={e.organizerUnitId}
                      known={f.reviewerId ? [{ id: f.reviewerId, displayName: f.reviewerName ?? '' }] : []}
                      value={f.reviewerId}
                      onChange={(v) => typeof v === 'string' && void setReviewer(f, v)}
                      placeholder={t('caseReviews.assign')}
                    />
                  ) : (
                    (f.reviewerName ?? '—')
                  ),
              },
              {
                key: 'status',
                title: t('caseReviews.status'),
                width: 100,
                render: (_v, f) => (
                  <Tag color={f.status === 'submitted' ? 'green' : 'gold'}>
                    {t(`caseReviews.fileStatus.${f.status}`)}
                  </Tag>
                ),
              },
              { key: 'total', title: t('caseReviews.total'), width: 70, render: (_v, f) => f.total ?? '—' },
              {
                key: 'actions',
                title: '',
                width: 80,
                render: (_v, f) => (
                  <Typography.Link onClick={() => setSearch({ file: f.id })}>
                    {f.can.score ? t('caseReviews.score') : t('caseReviews.view')}
                  </Typography.Link>
                ),
              },
            ]}
          />
        </Card>
        <Ranking exercise={e} />
      </Flex>
      {openFile ? <ScoreModal exercise={e} file={openFile} onClose={() => setSearch({})} /> : null}
    </PageContainer>
  );
}

/** 单位排名 and 失分较多的项目. */
function Ranking({ exercise: e }: { exercise: NonNullable<ReturnType<typeof useExercise>['data']> }) {
  const t = useT();
  const lost = e.ranking.itemsLost.filter((i) => i.pointsLost > 0);
  return (
    <Card size="small" title={t('caseReviews.ranking')}>
      <Table
        rowKey="unitId"
        size="small"
        dataSource={e.ranking.units}
        pagination={false}
        columns={[
          { key: 'rank', title: t('caseReviews.rank'), width: 70, render: (_v, u) => u.rank ?? '—' },
          { key: 'unit', title: t('caseReviews.unit'), dataIndex: 'unitName' },
          { key: 'files', title: t('caseReviews.drawnFiles'), dataIndex: 'files', width: 100 },
          { key: 'scored', title: t('caseReviews.scored'), dataIndex: 'scored', width: 100 },
          { key: 'average', title: t('caseReviews.average'), width: 100, render: (_v, u) => u.average ?? '—' },
        ]}
      />
      {lost.length > 0 ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('caseReviews.itemsLost')}
          {lost
            .slice(0, 5)
            .map((i) => t('caseReviews.itemLost', { name: i.name, files: i.filesLosing, points: i.pointsLost }))
            .join('；')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
