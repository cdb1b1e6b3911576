import { Card, Descriptions, Flex, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { AttachmentsCard } from '../../lib/AttachmentsCard';
import { RecordPageStatus, queryStatus } from '../../lib/records/RecordPageStatus';
import { downloadRectificationFile, useRectification, type Rectification } from './api';
import { FindingActions } from './FindingActions';
import { RectificationStatusTag } from './tags';
import { VisitFindingsCard } from './VisitFindingsCard';

const EVENT_COLOR = { reply: 'blue', return: 'red', close: 'green' } as const;

/**
 * 整改事项: the finding, the 整改要求 and its deadline (overdue marked), the history (整改报告, 退回,
 * 销号) with the files sent, and the step the user may take; below, the other findings of its visit.
 */
export function RectificationPage() {
  const t = useT();
  const { id } = useParams();
  const query = useRectification(id);
  const r = query.data;
  if (!r) return <RecordPageStatus kind="rectifications" {...queryStatus(query)} notFound={!id} />;
  return (
    <PageContainer
      title={t('rectifications.recordTitle')}
      extra={
        <div className="rs-rectification-actions">
          <FindingActions finding={r} />
        </div>
      }
      crumbs={[{ key: 'rectification', title: r.entityName ?? r.unitName }]}
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('common.status')} span={2}>
              <span className="rs-rectification-status">
                <RectificationStatusTag status={r.status} overdue={r.overdue} />
              </span>
              {r.returnCount > 0 && (
                <Typography.Text type="secondary">
                  {t('rectifications.returnCount', { count: r.returnCount })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('rectifications.source')}>
              <span className="rs-rectification-source">{t(`rectifications.sourceOf.${r.source}`)}</span>
            </Descriptions.Item>
            {r.visitId ? (
              <>
                <Descriptions.Item label={t('rectifications.round')}>{r.roundTitle}</Descriptions.Item>
                <Descriptions.Item label={t('rectifications.group')}>{r.groupName}</Descriptions.Item>
                <Descriptions.Item label={t('rectifications.visit')}>
                  <Link to={`/supervision/visits/${r.visitId}`} className="rs-visit-link">
                    {r.visitUnitName} · {formatDate(r.visitDate)}
                  </Link>
                </Descriptions.Item>
              </>
            ) : (
              <>
                <Descriptions.Item label={t('rectifications.entity')}>
                  {r.entityName}
                  {r.entityCreditCode && <Typography.Text type="secondary"> {r.entityCreditCode}</Typography.Text>}
                </Descriptions.Item>
                <Descriptions.Item label={t(r.inspectionId ? 'rectifications.outing' : 'rectifications.draw')}>
                  <Link
                    to={r.inspectionId ? `/inspections/${r.inspectionId}` : `/random-checks/draws/${r.drawId}`}
                    className="rs-source-link"
                  >
                    {r.drawName ?? t('rectifications.outingOf', { date: formatDate(r.sourceDate) })}
                  </Link>
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t(r.visitId ? 'rectifications.unit' : 'rectifications.orderingUnit')}>
              {r.unitName}
            </Descriptions.Item>
            <Descriptions.Item label={t('rectifications.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.description}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('rectifications.requirement')} span={2}>
              {r.requirement ?? t('rectifications.noRequirement')}
            </Descriptions.Item>
            {r.deadline && (
              <Descriptions.Item label={t('rectifications.deadline')} span={2}>
                <span className="rs-rectification-deadline">
                  <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
                    {formatDate(r.deadline)}
                  </Typography.Text>
                  {r.deadlineWorkingDays !== null && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('rectifications.deadlineWorkingDaysNote', { days: r.deadlineWorkingDays })}
                    </Typography.Text>
                  )}
                </span>
              </Descriptions.Item>
            )}
            {r.closedAt && (
              <Descriptions.Item label={t('rectifications.closedAt')} span={2}>
                {formatDateTime(r.closedAt)} {r.closedByName}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={t('rectifications.history')}>
          {r.events.length === 0 ? (
            <Typography.Text type="secondary">{t('rectifications.noHistory')}</Typography.Text>
          ) : (
            <Timeline
              items={r.events.map((e: Rectification['events'][number]) => ({
                color: EVENT_COLOR[e.kind],
                children: (
                  <>
                    <Typography.Text strong>{t(`rectifications.event.${e.kind}`)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' '}
                      {e.actorName} · {formatDateTime(e.createdAt)}
                    </Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.text}</Typography.Paragraph>
                  </>
                ),
              }))}
            />
          )}
        </Card>
        <AttachmentsCard
          title={t('rectifications.files')}
          files={r.attachments}
          loading={false}
          canEdit={false}
          upload={{ run: () => Promise.reject(new Error('read-only')), pending: false }}
          remove={() => Promise.resolve()}
          fetch={(a) => downloadRectificationFile(r.id, a)}
        />
        {r.visitId && <VisitFindingsCard visitId={r.visitId} />}
      </Flex>
    </PageContainer>
  );
}
