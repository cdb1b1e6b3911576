import { useState } from 'react';
import { Alert, Button, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { useT, type MessageKey } from '../../../locales/i18n';
import { formatDateTime } from '../../../lib/format';
import { LoadError } from '../../../app/StatusPages';
import { useCampaignLiaisons, type Campaign, type CampaignLiaison } from '../api';
import { useCampaignDownload } from '../useCampaignDownload';
import { LiaisonFormModal } from './LiaisonFormModal';

const WHO = ['leader', 'liaison'] as const;
interface Row {
  key: string;
  item: CampaignLiaison;
  who: (typeof WHO)[number];
  person: CampaignLiaison['leader'];
}
const PERSON_COLUMNS: {
  key: 'name' | 'position' | 'officePhone' | 'mobile' | 'fax';
  label: MessageKey;
  width: number;
}[] = [
  { key: 'name', label: 'campaigns.personName', width: 84 },
  { key: 'position', label: 'campaigns.personPosition', width: 170 },
  { key: 'officePhone', label: 'campaigns.officePhone', width: 120 },
  { key: 'mobile', label: 'campaigns.mobile', width: 120 },
  { key: 'fax', label: 'campaigns.fax', width: 100 },
];

/**
 * 联络员: every participating unit's 分管领导 and 联络员 (annex 1). Units that have not registered
 * by the plan's deadline are marked red; a unit's liaison (or the office above) registers them.
 */
export function LiaisonsTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const liaisons = useCampaignLiaisons(campaign.id);
  const { download, pending } = useCampaignDownload(campaign.id);
  const [editing, setEditing] = useState<CampaignLiaison | null>(null);
  const [missingOnly, setMissingOnly] = useState(false);

  if (liaisons.isError && !liaisons.data)
    return <LoadError error={liaisons.error} onRetry={() => void liaisons.refetch()} />;
  const data = liaisons.data;
  const items = (data?.items ?? []).filter((i) => !missingOnly || !i.registered);
  const overdue = (data?.items ?? []).filter((i) => i.overdue).length;

  // Two rows per unit, as annex 1 prints it: 分管领导, then 联络员.
  const rows: Row[] = items.flatMap((item) =>
    WHO.map((who) => ({ key: `${item.unitId}-${who}`, item, who, person: item[who] })),
  );
  const perUnit = (row: Row) => ({ rowSpan: row.who === 'leader' ? 2 : 0 });

  const columns: TableColumnsType<Row> = [
    {
      key: 'unit',
      title: t('campaigns.liaisonUnit'),
      width: 200,
      onCell: perUnit,
      render: (_: unknown, { item }) => (
        <Flex vertical gap={2}>
          <span>{item.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`unitKind.${item.unitKind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'who',
      title: '',
      width: 84,
      render: (_: unknown, row) => (
        <Typography.Text strong>{t(row.who === 'leader' ? 'campaigns.leader' : 'campaigns.liaison')}</Typography.Text>
      ),
    },
    ...PERSON_COLUMNS.map((col) => ({
      key: col.key,
      title: t(col.label),
      width: col.width,
      render: (_: unknown, row: Row) => row.person?.[col.key] ?? '',
    })),
    {
      key: 'status',
      title: t('common.status'),
      width: 120,
      onCell: perUnit,
      render: (_: unknown, { item }) =>
        item.registered ? (
          <Flex vertical gap={2} align="flex-start">
            <Tag color="success">{t('campaigns.registered')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {formatDateTime(item.liaison?.updatedAt).slice(0, 16)}
            </Typography.Text>
          </Flex>
        ) : (
          <Tag color={item.overdue ? 'error' : 'warning'}>
            {t(item.overdue ? 'campaigns.overdue' : 'campaigns.notRegistered')}
          </Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      onCell: perUnit,
      render: (_: unknown, { item }) =>
        item.canEdit && (
          <Button
            type="link"
            size="small"
            icon={item.registered ? <EditOutlined /> : <FormOutlined />}
            onClick={() => setEditing(item)}
            aria-label={`${t(item.registered ? 'campaigns.liaisonEdit' : 'campaigns.liaisonRegister')} ${item.unitName}`}
          >
            {t(item.registered ? 'campaigns.liaisonEdit' : 'campaigns.liaisonRegister')}
          </Button>
        ),
    },
  ];

  const summaryType = !data ? 'info' : data.missing === 0 ? 'success' : overdue > 0 ? 'error' : 'warning';
  const summary = !data
    ? ''
    : data.missing === 0
      ? t('campaigns.liaisonsComplete', { count: data.items.length })
      : t(overdue > 0 ? 'campaigns.liaisonsOverdue' : 'campaigns.liaisonsMissing', {
          missing: data.missing,
          total: data.items.length,
        });

  return (
    <Flex vertical gap={12} style={{ paddingTop: 8 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={16} wrap>
          <Typography.Text>
            {t('campaigns.liaisonDeadline')}：{data?.deadline ?? t('campaigns.notStated')}
          </Typography.Text>
          <Space size={6}>
            <Switch
              size="small"
              checked={missingOnly}
              onChange={setMissingOnly}
              aria-label={t('campaigns.missingOnly')}
            />
            <Typography.Text>{t('campaigns.missingOnly')}</Typography.Text>
          </Space>
        </Space>
        <Button icon={<DownloadOutlined />} loading={pending === 'liaisons'} onClick={() => void download('liaisons')}>
          {t('campaigns.downloadLiaisons')}
        </Button>
      </Flex>
      {data && <Alert type={summaryType} showIcon title={summary} />}
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        loading={liaisons.isFetching}
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(row) => (row.item.overdue ? 'rs-row-overdue' : '')}
        scroll={{ x: 'max-content' }}
      />
      {editing && <LiaisonFormModal campaignId={campaign.id} item={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
