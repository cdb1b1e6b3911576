import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, RedoOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useDraw, useRandomCheckMutations, useVerifyDraw, type DrawItem, type RandomDraw } from './api';
import { drawSize } from './draw-text';
import { RecordResultModal, RedrawModal } from './DrawModals';
import { DrawItemFollowUp } from './DrawItemFollowUp';

/** One draw: its stored inputs and seed, 复核 (re-run and compare), the entities with their inspectors and results. */
export function DrawPage() {
  const { id } = useParams();
  const draw = useDraw(id);
  if (!draw.data) return <RecordPageStatus kind="draws" {...queryStatus(draw)} />;
  return <DrawView draw={draw.data} />;
}

function DrawView({ draw: d }: { draw: RandomDraw }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const verify = useVerifyDraw();
  const { publish } = useRandomCheckMutations();
  const [redrawing, setRedrawing] = useState(false);
  const [recording, setRecording] = useState<DrawItem | null>(null);
  const completed = d.items.filter((i) => i.result).length;
  const unpublished = d.items.filter((i) => i.result && !i.published).length;
  const filters = [
    d.filters.riskLevels?.length ? d.filters.riskLevels.map((r) => t(`randomChecks.risk.${r}`)).join('、') : null,
    d.filters.industry ? `${t('randomChecks.industry')}：${d.filters.industry}` : null,
    d.filters.divisionCode ? `${t('randomChecks.divisionCode')}：${d.filters.divisionCode}` : null,
  ].filter(Boolean);

  const columns: TableColumnsType<DrawItem> = [
    { key: 'seq', title: t('randomChecks.seq'), dataIndex: 'seq', width: 64, align: 'end' },
    {
      key: 'entity',
      title: t('randomChecks.entityName'),
      width: 260,
      render: (_: unknown, i) => (
        <Flex vertical>
          <span>{i.entityName}</span>
          <span className="rs-mono rs-secondary">{i.creditCode}</span>
        </Flex>
      ),
    },
    { key: 'address', title: t('randomChecks.address'), dataIndex: 'address', ellipsis: true },
    { key: 'risk', title: t('randomChecks.riskLevel'), dataIndex: 'riskLabel', width: 90 },
    {
      key: 'inspectors',
      title: t('randomChecks.inspectors'),
      width: 150,
      render: (_: unknown, i) => i.inspectors.map((p) => p.displayName).join('、'),
    },
    {
      key: 'date',
      title: t('randomChecks.checkDate'),
      dataIndex: 'checkDate',
      width: 110,
      render: (v: string | null) => formatDate(v) || '—',
    },
    {
      key: 'result',
      title: t('randomChecks.result'),
      width: 220,
      render: (_: unknown, i) =>
        i.result ? (
          <Flex vertical>
            <span>
              {i.resultLabel} {i.published && <Tag color="green">{t('randomChecks.published')}</Tag>}
            </span>
            {i.resultNote && <Typography.Text type="secondary">{i.resultNote}</Typography.Text>}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('randomChecks.pending')}</Typography.Text>
        ),
    },
    {
      key: 'followUp',
      title: t('randomChecks.followUp'),
      width: 200,
      render: (_: unknown, i) => <DrawItemFollowUp draw={d} item={i} />,
    },
    {
      key: 'action',
      title: t('common.actions'),
      width: 110,
      fixed: 'end',
      render: (_: unknown, i) =>
        i.canRecord && !i.published && !d.replacedById ? (
          <Button size="small" type="link" onClick={() => setRecording(i)}>
            {i.result ? t('randomChecks.changeResult') : t('randomChecks.recordResult')}
          </Button>
        ) : null,
    },
  ];

  const doPublish = () =>
    publish.mutate(d.id, {
      onSuccess: (r) => void message.success(t('randomChecks.publishedCount', { count: r.published })),
      onError: (e) => showError(e),
    });

  return (
    <PageContainer
      title={d.name}
      crumbs={[{ key: 'draw', title: d.name }]}
      extra={
        <Space wrap>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate(d.id, { onError: (e) => showError(e) })}
          >
            {t('randomChecks.verify')}
          </Button>
          {d.can.redraw && (
            <Button icon={<RedoOutlined />} onClick={() => setRedrawing(true)}>
              {t('randomChecks.redraw')}
            </Button>
          )}
          {d.can.publish && (
            <Popconfirm
              title={t('randomChecks.publishConfirm', { count: unpublished })}
              onConfirm={doPublish}
              disabled={unpublished === 0}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<SendOutlined />} disabled={unpublished === 0} loading={publish.isPending}>
                {t('randomChecks.publish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {d.replacedById && (
          <Alert
            type="warning"
            showIcon
            title={
              <span>
                {t('randomChecks.replacedHint')}{' '}
                <Link to={`/random-checks/draws/${d.replacedById}`}>{t('randomChecks.openReplacement')}</Link>
              </span>
            }
          />
        )}
        {d.replacesId && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                {t('randomChecks.redrawOf', { reason: d.reason ?? '' })}{' '}
                <Link to={`/random-checks/draws/${d.replacesId}`}>{t('randomChecks.openOriginal')}</Link>
              </span>
            }
          />
        )}
        {verify.data && (
          <Alert
            type={verify.data.reproducible ? 'success' : 'error'}
            showIcon
            icon={verify.data.reproducible ? <CheckCircleOutlined /> : undefined}
            title={
              verify.data.reproducible
                ? t('randomChecks.verifyOk', { count: d.items.length })
                : t('randomChecks.verifyFailed', {
                    problem: verify.data.problem ?? String(verify.data.firstDifference ?? ''),
                  })
            }
          />
        )}
        <Card size="small" title={t('randomChecks.drawFacts')}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('randomChecks.size')}>{drawSize(t, d.size)}</Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.filters')}>
              {filters.length ? filters.join('；') : t('randomChecks.noFilters')}
            </Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.candidates')}>{d.candidateCount}</Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.inspectorPool')}>{d.inspectorCount}</Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.progress')}>
              {t('randomChecks.progressValue', { done: completed, total: d.items.length })}
            </Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.campaign')}>
              {d.campaignId ? <Link to={`/campaigns/${d.campaignId}`}>{t('randomChecks.openCampaign')}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.algorithm')}>
              <span className="rs-mono">{d.algorithm}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('randomChecks.seed')}>
              <Typography.Text className="rs-mono" copyable>
                {d.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item
              label={t('randomChecks.createdBy')}
            >{`${d.createdByName} · ${formatDateTime(d.createdAt)}`}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('randomChecks.drawnEntities', { count: d.items.length })}>
          <Table
            rowKey="id"
            size="small"
            dataSource={d.items}
            columns={columns}
            pagination={d.items.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 1100 }}
          />
        </Card>
      </Flex>
      {redrawing && <RedrawModal draw={d} onClose={() => setRedrawing(false)} />}
      {recording && <RecordResultModal draw={d} item={recording} onClose={() => setRecording(null)} />}
    </PageContainer>
  );
}
