import { Descriptions, Drawer, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useKpiRecords, type CampaignKpi } from './api';

export interface RecordsTarget {
  kpi: CampaignKpi;
  unitId?: string;
  period: string;
}

/** 穿透: the records behind a KPI figure of a unit (or the total), each linked to its page. */
export function KpiRecordsDrawer({
  campaignId,
  target,
  onClose,
}: {
  campaignId: string;
  target: RecordsTarget | null;
  onClose: () => void;
}) {
  const t = useT();
  const records = useKpiRecords(
    campaignId,
    target && { kpiIndex: target.kpi.index, unitId: target.unitId, period: target.period },
  );
  const r = records.data;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size="large"
      title={target ? t('kpis.recordsTitle', { name: target.kpi.name, period: target.period }) : ''}
    >
      {records.isError && <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>}
      {r && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('kpis.unit')}>{r.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('kpis.actual')}>
              {r.actual === null ? '—' : `${r.actual}${r.unit}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('kpis.numerator')}>{r.numerator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('kpis.denominator')}>{r.denominator ?? '—'}</Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            loading={records.isFetching}
            dataSource={r.records}
            locale={{ emptyText: t('kpis.noRecords') }}
            renderItem={(item) => (
              <List.Item extra={<Typography.Text type="secondary">{item.value}</Typography.Text>}>
                <List.Item.Meta
                  title={<Link to={item.link}>{item.title}</Link>}
                  description={[item.unitName, item.date].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
