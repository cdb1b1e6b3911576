import { useState } from 'react';
import { Button, Card, Descriptions, Flex } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useT } from '../../locales/i18n';
import { useSupervisionGroups, useSupervisionVisit, type SupervisionVisit } from './api';
import { VisitModal } from './VisitModal';
import { VisitFindingsCard } from '../rectifications/VisitFindingsCard';

/** What a 督查记录 says: round, group, unit, date, method, what was checked and seen. */
export function VisitDetails({ visit: v }: { visit: SupervisionVisit }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={[
        { key: 'unit', label: t('supervision.unit'), children: v.unitName },
        { key: 'date', label: t('supervision.visitDate'), children: v.visitDate },
        { key: 'group', label: t('supervision.group'), children: v.groupName },
        {
          key: 'round',
          label: t('supervision.round'),
          children: <Link to={`/supervision/rounds/${v.roundId}`}>{v.roundTitle}</Link>,
        },
        { key: 'method', label: t('supervision.method'), children: t(`supervision.method.${v.method}`) },
        {
          key: 'unannounced',
          label: t('supervision.unannounced'),
          children: v.unannounced ? t('supervision.secret') : t('supervision.announced'),
        },
        { key: 'checked', label: t('supervision.checkedItems'), children: v.checkedItems, span: 2 },
        { key: 'summary', label: t('supervision.summary'), children: v.summary ?? '—', span: 2 },
      ]}
    />
  );
}

/**
 * One 督查记录. Other modules mount their cards below the details (发现问题与整改: a
 * `VisitFindingsCard visitId={visit.id}`), in the Flex of this page.
 */
export function VisitPage() {
  const t = useT();
  const { id = '' } = useParams();
  const visit = useSupervisionVisit(id);
  const groups = useSupervisionGroups(visit.data?.can.edit ? visit.data.campaignId : undefined);
  const [editing, setEditing] = useState(false);
  if (!visit.data) return <RecordPageStatus kind="supervisionVisits" {...queryStatus(visit)} />;
  const v = visit.data;
  const group = groups.data?.items.find((g) => g.id === v.groupId);
  const title = `${v.unitName} · ${v.visitDate}`;
  return (
    <PageContainer
      title={title}
      crumbs={[{ key: 'visit', title }]}
      extra={
        v.can.edit && (
          <Button disabled={!group} onClick={() => setEditing(true)}>
            {t('supervision.editVisit')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Card size="small">
          <VisitDetails visit={v} />
        </Card>
        {/* 发现问题 and their 整改, from the rectifications module */}
        <VisitFindingsCard visitId={v.id} />
      </Flex>
      {editing && group && <VisitModal group={group} visit={v} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
