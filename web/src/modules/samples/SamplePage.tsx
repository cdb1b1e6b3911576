import { useState } from 'react';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useSample } from './api';
import { FollowUpCard } from './FollowUpCard';
import { SampleFilesCard } from './SampleFilesCard';
import { SampleFormModal } from './SampleFormModal';
import { ResultTags } from './SampleTable';

/** One sample: where and what was sampled, the lab's result, the 核查处置 of a fail, the photos and files. */
export function SamplePage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useSample(id);
  const [editing, setEditing] = useState(false);

  if (!query.data) return <RecordPageStatus kind="samples" {...queryStatus(query)} />;

  const r = query.data;
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const title = `${r.product}${r.batch ? ` · ${r.batch}` : ''}`;

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{title}</span>
          <ResultTags r={r} />
        </Space>
      }
      crumbs={[{ key: 'record', title }]}
      extra={
        r.can.edit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('samples.sectionBasics')} size="small">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'entity', label: t('samples.entity'), children: `${r.entityName}（${r.entityCreditCode}）` },
              { key: 'unit', label: t('samples.unit'), children: r.unitName },
              { key: 'product', label: t('samples.product'), children: r.product },
              { key: 'brand', label: t('samples.brandSpec'), children: r.brandSpec ?? none },
              { key: 'batch', label: t('samples.batch'), children: r.batch ?? none },
              { key: 'date', label: t('samples.sampledDate'), children: formatDate(r.sampledDate) },
              { key: 'kind', label: t('samples.sampleKind'), children: t(`samples.kind.${r.sampleKind}`) },
              { key: 'category', label: t('samples.category'), children: r.categoryLabel },
              {
                key: 'campaign',
                label: t('samples.campaign'),
                children: <Link to={`/campaigns/${r.campaignId}?tab=samples`}>{r.campaignName}</Link>,
              },
              ...(r.inspectionId
                ? [
                    {
                      key: 'outing',
                      label: t('samples.outing'),
                      children: <Link to={`/inspections/${r.inspectionId}`}>{t('samples.outing')}</Link>,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card title={t('samples.sectionResult')} size="small">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'result', label: t('samples.result'), children: t(`samples.result.${r.result}`) },
              {
                key: 'resultDate',
                label: t('samples.resultDate'),
                children: r.resultDate ? formatDate(r.resultDate) : none,
              },
              { key: 'lab', label: t('samples.lab'), children: r.lab ?? none },
              { key: 'report', label: t('samples.reportNumber'), children: r.reportNumber ?? none },
              ...(r.result === 'fail'
                ? [
                    {
                      key: 'items',
                      label: t('samples.failedItems'),
                      children: <span className="rs-pre">{r.failedItems}</span>,
                      span: 2,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <FollowUpCard record={r} />
        <SampleFilesCard record={r} />
        <Typography.Text type="secondary">
          {t('samples.recordedAt', { at: formatDateTime(r.createdAt) })}
        </Typography.Text>
      </Space>
      {editing && <SampleFormModal record={r} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
