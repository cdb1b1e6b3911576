import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { useAuthorityLabel } from '../../lib/records/authorities';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useJointOperation } from './api';
import { JointOperationFormModal } from './JointOperationFormModal';

/** One joint action or 联席会议: who, when, with whom, what was done and its results. */
export function JointOperationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useJointOperation(id);
  const authority = useAuthorityLabel();
  const [editing, setEditing] = useState(false);

  if (!query.data) return <RecordPageStatus kind="jointOperations" {...queryStatus(query)} />;

  const r = query.data;
  const action = r.kind === 'joint_action';
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const text = (v: string | null) => (v ? <span className="rs-pre">{v}</span> : none);
  const dates =
    r.endDate && r.endDate !== r.startDate
      ? t('jointOps.dateRange', { from: formatDate(r.startDate), to: formatDate(r.endDate) })
      : formatDate(r.startDate);

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <Tag color={action ? 'red' : 'blue'}>{t(`jointOps.kind.${r.kind}`)}</Tag>
          <span>{r.title}</span>
        </Space>
      }
      crumbs={[{ key: 'record', title: r.title }]}
      extra={
        r.can.edit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('jointOps.sectionBasics')} size="small">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'dates', label: t('jointOps.dates'), children: dates },
              { key: 'unit', label: t('jointOps.unit'), children: r.unitName },
              {
                key: 'campaign',
                label: t('jointOps.campaign'),
                children: <Link to={`/campaigns/${r.campaignId}?tab=joint-operations`}>{r.campaignName}</Link>,
              },
              { key: 'location', label: t('jointOps.location'), children: r.location ?? none },
              {
                key: 'departments',
                label: t('jointOps.departments'),
                children: (
                  <Space size={4} wrap>
                    {r.departments.map((d) => (
                      <Tag key={d}>{authority(d)}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                key: 'lead',
                label: t('jointOps.lead'),
                children: r.leadDepartment === 'self' ? t('jointOps.leadSelf') : authority(r.leadDepartment),
              },
              { key: 'names', label: t('jointOps.departmentNames'), children: r.departmentNames ?? none, span: 2 },
            ]}
          />
        </Card>
        <Card title={t(action ? 'jointOps.sectionAction' : 'jointOps.sectionMeeting')} size="small">
          <Descriptions
            column={{ xs: 1, md: action ? 4 : 1 }}
            size="small"
            items={[
              ...(action
                ? [
                    {
                      key: 'staff',
                      label: t('jointOps.staffDeployed'),
                      children: t('jointOps.personTimesN', { count: r.staffDeployed }),
                    },
                    {
                      key: 'entities',
                      label: t('jointOps.entitiesInspected'),
                      children: t('jointOps.householdTimesN', { count: r.entitiesInspected }),
                    },
                    {
                      key: 'problems',
                      label: t('jointOps.problemsFound'),
                      children: t('jointOps.itemsN', { count: r.problemsFound }),
                    },
                    {
                      key: 'cases',
                      label: t('jointOps.casesFiled'),
                      children: t('jointOps.casesN', { count: r.casesFiled }),
                    },
                  ]
                : [
                    { key: 'attendees', label: t('jointOps.attendees'), children: text(r.attendees) },
                    { key: 'decisions', label: t('jointOps.decisions'), children: text(r.decisions) },
                  ]),
            ]}
          />
          <Descriptions
            column={1}
            size="small"
            style={{ marginTop: 12 }}
            items={[
              { key: 'content', label: t('jointOps.content'), children: text(r.content) },
              { key: 'results', label: t('jointOps.results'), children: text(r.results) },
            ]}
          />
        </Card>
        <Typography.Text type="secondary">
          {t('jointOps.recordedAt', { at: formatDateTime(r.createdAt) })}
        </Typography.Text>
      </Space>
      {editing && <JointOperationFormModal record={r} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
